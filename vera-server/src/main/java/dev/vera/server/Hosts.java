package dev.vera.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/** Host names and address literals as the {@code Host} header and {@code --host} give them. */
final class Hosts {
  private Hosts() {}

  /** The host of {@code host[:port]} or {@code [v6][:port]}. */
  static String hostPart(String value) {
    if (value.startsWith("[")) {
      int end = value.indexOf(']');
      return end < 0 ? value : value.substring(0, end + 1);
    }
    int colon = value.indexOf(':');
    return colon < 0 ? value : value.substring(0, colon);
  }

  /** Lower case, without the brackets of an IPv6 literal. */
  static String bare(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
  }

  /** {@code localhost} or a loopback address literal (127.0.0.0/8, ::1); a bare host. */
  static boolean isLoopback(String host) {
    if (host.equals("localhost")) {
      return true;
    }
    return isAddressLiteral(host) && address(host).isLoopbackAddress();
  }

  /** The wildcard address: every interface. */
  static boolean isAnyAddress(String host) {
    return host.isEmpty()
        || host.equals("0.0.0.0")
        || host.equals("::")
        || host.equals("0:0:0:0:0:0:0:0");
  }

  static boolean isAddressLiteral(String host) {
    return host.matches("[0-9.]+") && host.split("\\.").length == 4
        || host.contains(":") && host.matches("[0-9a-f:.]+");
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal); // a literal: no lookup
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an address: " + literal, e);
    }
  }
}
