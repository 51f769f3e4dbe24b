package dev.vera.server;

import java.util.Locale;

/** Sizes as people read them, for the messages of limit problems. */
final class Limits {
  private Limits() {}

  /** A size in bytes, kB or MB (powers of 1000); exact when under 1 kB. */
  static String describe(long bytes) {
    if (bytes < 1000) {
      return bytes + (bytes == 1 ? " byte" : " bytes");
    }
    if (bytes < 1_000_000) {
      return String.format(Locale.ROOT, "%.1f kB", bytes / 1000.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
  }

  /** The UTF-8 size of {@code s} without encoding it. */
  static long utf8Length(CharSequence s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
