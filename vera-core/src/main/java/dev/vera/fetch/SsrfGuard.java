package dev.vera.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Keeps fetches away from the machine's own network: refuses a host when any of its addresses is
 * loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16, fe80::/10,
 * which holds the cloud metadata address 169.254.169.254), unspecified, multicast, shared
 * (100.64/10, home of another metadata address) or otherwise reserved. Only http and https are
 * allowed. With {@code allowPrivateHosts} only the scheme is checked.
 *
 * <p>The addresses are checked in {@link #resolve}, which {@link ArticleFetcher}'s connections use
 * as their only name lookup: the connection goes to an address that was checked, so a DNS answer
 * that changes between the check and the connection (rebinding) changes nothing.
 */
public final class SsrfGuard implements HostPolicy {
  /** A name lookup: the system's, or a test's DNS that answers differently each time. */
  @FunctionalInterface
  interface Lookup {
    InetAddress[] all(String host) throws UnknownHostException;
  }

  private final boolean allowPrivateHosts;
  private final Lookup lookup;

  public SsrfGuard(boolean allowPrivateHosts) {
    this(allowPrivateHosts, InetAddress::getAllByName);
  }

  SsrfGuard(boolean allowPrivateHosts, Lookup lookup) {
    this.allowPrivateHosts = allowPrivateHosts;
    this.lookup = lookup;
  }

  @Override
  public void check(URI uri) throws FetchException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException(
          FetchException.Kind.BAD_URL,
          "only http and https URLs can be fetched: " + Urls.shown(uri));
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new FetchException(
          FetchException.Kind.BAD_URL, "the URL has no host: " + Urls.shown(uri));
    }
    if (!allowPrivateHosts) {
      resolve(host); // refused before a request is made; the connection checks again, pinned
    }
  }

  /**
   * The host's addresses, refused when one of them is not a public unicast address. The local
   * message names the address; the public one does not (a remote caller must not learn what this
   * network's names resolve to).
   */
  @Override
  public InetAddress[] resolve(String host) throws FetchException {
    String bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    InetAddress[] addresses;
    try {
      addresses = lookup.all(bare);
    } catch (UnknownHostException e) {
      throw new FetchException(
          FetchException.Kind.UNREACHABLE, "the host " + Urls.cut(bare) + " does not resolve", e);
    }
    if (allowPrivateHosts) {
      return addresses;
    }
    for (InetAddress a : addresses) {
      String why = forbiddenReason(a);
      if (why != null) {
        throw new FetchException(
            FetchException.Kind.REFUSED,
            "refused to fetch from "
                + Urls.cut(bare)
                + ": it resolves to "
                + a.getHostAddress()
                + ", a "
                + why
                + " address (allow with --allow-private-hosts)",
            "refused to fetch from "
                + Urls.cut(bare)
                + ": it is not a public address (this server does not fetch from loopback,"
                + " private, link-local or reserved addresses unless started with"
                + " --allow-private-hosts)",
            null);
      }
    }
    return addresses;
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
          (b[0] & 0xff) == 0x00
              && (b[1] & 0xff) == 0x64
              && (b[2] & 0xff) == 0xff
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
