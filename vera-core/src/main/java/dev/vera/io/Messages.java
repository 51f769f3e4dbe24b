package dev.vera.io;

/** Helpers that keep user-facing messages to one readable line. */
final class Messages {

  private static final int MAX_QUOTED = 60;

  private Messages() {}

  /**
   * {@code value} in single quotes, with line breaks and tabs made visible and long values cut, so
   * a bad value can be named without flooding the terminal.
   */
  static String quote(String value) {
    String v = value.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    if (v.codePointCount(0, v.length()) > MAX_QUOTED) {
      v = v.substring(0, v.offsetByCodePoints(0, MAX_QUOTED)) + "…";
    }
    return "'" + v + "'";
  }
}
