package dev.vera.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Text for a terminal: control characters in what Vera prints (ids, titles, sources, phrases,
 * notes: anything that came from an input file, a model file or a web page) are shown as visible
 * symbols instead of being obeyed. ESC, OSC, BEL, NUL, a carriage return, C1 controls and the
 * bidirectional overrides could otherwise recolour the screen, retitle the window, hide or reorder
 * text. JSON output is not filtered: it goes out exact ({@link #exact}).
 */
final class TerminalText {
  private TerminalText() {}

  /** The character shown in place of {@code c}, or {@code c} itself when it is harmless. */
  static char shown(char c, boolean keepLineBreaks) {
    if (c == '\n' || c == '\t') {
      return keepLineBreaks ? c : ' ';
    }
    if (c < 0x20) {
      return (char) (0x2400 + c); // Unicode's control pictures: ␛ for ESC, ␇ for BEL, ␀ for NUL
    }
    if (c == 0x7f) {
      return '\u2421';
    }
    if ((c >= 0x80 && c <= 0x9f)
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200e
        || c == 0x200f
        || c == 0x061c) {
      return '\uFFFD';
    }
    return c;
  }

  /** {@code s} on one line, every control character visible (line breaks and tabs as spaces). */
  static String line(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char d = shown(c, false);
      if (d != c && sb == null) {
        sb = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (sb != null) {
        sb.append(d);
      }
    }
    return sb == null ? s : sb.toString();
  }

  /** A writer that passes line breaks and tabs and shows every other control character. */
  static PrintWriter writer(PrintWriter out) {
    return out instanceof Filtered ? out : new Filtered(out);
  }

  /** The writer underneath a filtering one: for JSON, which must go out exact. */
  static PrintWriter exact(PrintWriter out) {
    return out instanceof Filtered f ? f.raw : out;
  }

  private static final class Filtered extends PrintWriter {
    final PrintWriter raw;

    Filtered(PrintWriter raw) {
      super(
          new FilterWriter(raw) {
            @Override
            public void write(int c) throws IOException {
              out.write(shown((char) c, true));
            }

            @Override
            public void write(char[] buf, int off, int len) throws IOException {
              char[] copy = new char[len];
              for (int i = 0; i < len; i++) {
                copy[i] = shown(buf[off + i], true);
              }
              out.write(copy, 0, len);
            }

            @Override
            public void write(String s, int off, int len) throws IOException {
              write(s.toCharArray(), off, len);
            }
          },
          true);
      this.raw = raw;
    }
  }
}
