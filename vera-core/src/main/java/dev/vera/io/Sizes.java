package dev.vera.io;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Byte counting and human-readable sizes for limit messages (readers and the server alike). */
public final class Sizes {

  private Sizes() {}

  /** The number of bytes {@code s} takes in UTF-8, computed without encoding it. */
  public static long utf8Length(CharSequence s) {
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

  /**
   * The problem with an article of {@code bytes} under a limit of {@code max} bytes, or null when
   * it fits: {@code "article is 1.4 MB, over the 1.0 MB limit"}.
   */
  public static @Nullable String articleOverLimit(long bytes, long max) {
    if (bytes <= max) {
      return null;
    }
    return "article is " + pair(bytes, max) + " limit";
  }

  /**
   * {@code "<size>, over the <limit>"} in matching units; falls back to exact byte counts when
   * rounding would show the two as equal, since "1.0 MB, over the 1.0 MB limit" explains nothing.
   */
  static String pair(long size, long limit) {
    String a = describe(size);
    String b = describe(limit);
    if (a.equals(b)) {
      return String.format(Locale.ROOT, "%,d bytes, over the %,d-byte", size, limit);
    }
    return a + ", over the " + b;
  }

  /** A size in bytes, kB or MB (powers of 1000, one decimal). */
  public static String describe(long bytes) {
    if (bytes < 1000) {
      return bytes + (bytes == 1 ? " byte" : " bytes");
    }
    if (bytes < 1_000_000) {
      return String.format(Locale.ROOT, "%.1f kB", bytes / 1000.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
  }
}
