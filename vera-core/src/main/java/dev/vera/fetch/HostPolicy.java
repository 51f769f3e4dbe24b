package dev.vera.fetch;

import java.net.URI;

/** Decides whether a URL may be fetched; asked before the first request and on every redirect. */
@FunctionalInterface
public interface HostPolicy {
  /**
   * Returns normally when {@code uri} may be fetched.
   *
   * @throws FetchException of kind {@code REFUSED}, {@code BAD_URL} or {@code UNREACHABLE}
   */
  void check(URI uri) throws FetchException;
}
