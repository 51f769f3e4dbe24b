package dev.vera.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Keeps fetches away from the machine's own network: resolves the host and refuses the URL when
 * any of its addresses is loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local
 * (169.254/16, fe80::/10, which holds the cloud metadata address 169.254.169.254),
 * unspecified, multicast, shared (100.64/10, home of another metadata address) or otherwise
 * reserved. Only http and https are allowed. With {@code allowPrivateHosts} only the scheme is
 * checked.
 *
 * <p>The check resolves the name itself; the HTTP client resolves it again when it connects, so a
 * DNS server that answers differently within milliseconds (rebinding) is not covered.
 */
public final class SsrfGuard implements HostPolicy {
  private final boolean allowPrivateHosts;

  public SsrfGuard(boolean allowPrivateHosts) {
    this.allowPrivateHosts = allowPrivateHosts;
  }

  @Override
  public void check(URI uri) throws FetchException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException(
          FetchException.Kind.BAD_URL, "only http and https URLs can be fetched: " + uri);
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new FetchException(FetchException.Kind.BAD_URL, "the URL has no host: " + uri);
    }
    if (allowPrivateHosts) {
      return;
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new FetchException(
          FetchException.Kind.UNREACHABLE, "the host " + host + " does not resolve", e);
    }
    for (InetAddress a : addresses) {
      String why = forbiddenReason(a);
      if (why != null) {
        throw new FetchException(
            FetchException.Kind.REFUSED,
            "refused to fetch "
                + uri.getHost()
                + ": it resolves to "
                + a.getHostAddress()
                + ", a "
                + why
                + " address (allow with --allow-private-hosts)");
      }
    }
  }

  /** Why an address must not be fetched from, or null when it is a public unicast address. */
  static @Nullable String forbiddenReason(InetAddress a) {
    if (a.isLoopbackAddress()) {
      return "loopback";
    }
    if (a.isAnyLocalAddress()) {
      return "unspecified";
    }
    if (a.isLinkLocalAddress()) {
      return "link-local (cloud metadata)";
    }
    if (a.isSiteLocalAddress()) {
      return "private";
    }
    if (a.isMulticastAddress()) {
      return "multicast";
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      return reservedV4(b);
    }
    if (a instanceof Inet6Address) {
      int first = b[0] & 0xff;
      if ((first & 0xfe) == 0xfc) {
        return "private";
      }
      // IPv4 embedded in IPv6 (compatible ::a.b.c.d, NAT64 64:ff9b::/96): judge the IPv4 part.
      boolean compatible = true;
      for (int i = 0; i < 12; i++) {
        compatible &= b[i] == 0;
      }
      boolean nat64 =
          (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
              && (b[3] & 0xff) == 0x9b;
      if (compatible || nat64) {
        byte[] v4 = {b[12], b[13], b[14], b[15]};
        try {
          return forbiddenReason(InetAddress.getByAddress(v4));
        } catch (UnknownHostException e) {
          return "malformed";
        }
      }
    }
    return null;
  }

  private static @Nullable String reservedV4(byte[] b) {
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    if (a0 == 0) {
      return "unspecified";
    }
    if (a0 == 100 && a1 >= 64 && a1 < 128) {
      return "shared (carrier-grade NAT, cloud metadata)";
    }
    if (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) {
      return "reserved";
    }
    if (a0 == 198 && (a1 == 18 || a1 == 19)) {
      return "benchmarking";
    }
    if (a0 >= 240) {
      return "reserved";
    }
    return null;
  }
}
