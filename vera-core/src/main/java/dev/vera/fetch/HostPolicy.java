package dev.vera.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Decides whether a URL may be fetched; asked before the first request and on every redirect, and
 * asked for the addresses of every host connected to.
 */
@FunctionalInterface
public interface HostPolicy {
  /**
   * Returns normally when {@code uri} may be fetched.
   *
   * @throws FetchException of kind {@code REFUSED}, {@code BAD_URL} or {@code UNREACHABLE}
   */
  void check(URI uri) throws FetchException;

  /**
   * The addresses to connect to for {@code host}: the connection uses these and resolves nothing
   * itself. By default every address the name resolves to.
   *
   * @throws FetchException of kind {@code REFUSED} or {@code UNREACHABLE}
   */
  default InetAddress[] resolve(String host) throws FetchException {
    try {
      return InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new FetchException(
          FetchException.Kind.UNREACHABLE, "the host " + Urls.cut(host) + " does not resolve", e);
    }
  }
}
