package dev.vera.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Splits a byte stream into strictly decoded UTF-8 lines, numbered from 1: every format reads its
 * input through this class so that encoding errors and runaway lines are reported the same way
 * everywhere. Lines end at {@code \n}; a trailing {@code \r} and a UTF-8 byte order mark at the
 * start of the stream are removed. A line that is not valid UTF-8, or longer than the cap, still
 * comes out (so the caller can reject the record it belongs to and go on) but with a problem.
 */
public final class Utf8LineReader implements Closeable {

  /**
   * One line of input.
   *
   * @param number the 1-based line number
   * @param text the decoded line; for invalid UTF-8 a lenient decoding (with U+FFFD), for an
   *     over-long line empty, since it was never buffered
   * @param problem why the line cannot be used, or null when it is fine
   */
  public record Line(long number, String text, @Nullable String problem) {
    public boolean ok() {
      return problem == null;
    }

    public boolean isBlank() {
      return problem == null && text.isBlank();
    }
  }

  private static final int CHUNK = 64 * 1024;

  private final InputStream in;
  private final int maxLineBytes;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final byte[] chunk = new byte[CHUNK];
  private int pos;
  private int limit;
  private boolean eof;
  private byte[] line = new byte[256];
  private int lineLength;
  private long lineNumber;

  /**
   * @param in the stream to read; closed by {@link #close()}
   * @param maxLineBytes lines longer than this are skipped and reported, not buffered
   */
  public Utf8LineReader(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** The number of the last line returned by {@link #next()} (0 before the first). */
  public long lineNumber() {
    return lineNumber;
  }

  /** Returns the next line, or null at the end of the stream. */
  public @Nullable Line next() throws IOException {
    lineLength = 0;
    long total = 0;
    boolean any = false;
    while (true) {
      if (pos == limit && !fill()) {
        if (!any) {
          return null;
        }
        break; // last line without a final newline
      }
      any = true;
      int newline = indexOfNewline();
      int end = newline < 0 ? limit : newline;
      int n = end - pos;
      total += n;
      if (total <= maxLineBytes) {
        append(pos, n);
      }
      pos = newline < 0 ? end : newline + 1;
      if (newline >= 0) {
        break;
      }
    }
    lineNumber++;
    if (total > maxLineBytes) {
      // Over-long lines are dropped as they stream past, so memory stays bounded.
      line = new byte[256];
      return new Line(
          lineNumber,
          "",
          "line "
              + lineNumber
              + " is too long: "
              + Sizes.pair(total, maxLineBytes)
              + " line limit; the record was skipped");
    }
    return decode();
  }

  private Line decode() {
    int start = 0;
    int length = lineLength;
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    if (lineNumber == 1
        && length >= 3
        && line[0] == (byte) 0xEF
        && line[1] == (byte) 0xBB
        && line[2] == (byte) 0xBF) {
      start = 3;
      length -= 3;
    }
    // The JDK's lenient decoding is much faster than a CharsetDecoder, and for valid UTF-8 it is
    // the same text; only when it had to put in U+FFFD (which valid input may also contain) is the
    // line decoded strictly, to tell which it was and where the bad byte is.
    String fast = new String(line, start, length, StandardCharsets.UTF_8);
    if (fast.indexOf('\uFFFD') < 0) {
      return new Line(lineNumber, fast, null);
    }
    ByteBuffer bytes = ByteBuffer.wrap(line, start, length);
    CharBuffer chars = CharBuffer.allocate(length); // UTF-8 never needs more chars than bytes
    decoder.reset();
    CoderResult result = decoder.decode(bytes, chars, true);
    if (!result.isError()) {
      result = decoder.flush(chars);
    }
    if (result.isError()) {
      int bad = bytes.position();
      String lenient = new String(line, start, length, StandardCharsets.UTF_8);
      return new Line(
          lineNumber,
          lenient,
          String.format(
              Locale.ROOT,
              "invalid UTF-8 on line %d at byte column %d (byte 0x%02X); Vera reads UTF-8 text",
              lineNumber,
              bad + 1, // 1-based and counted from the start of the line as stored in the file
              line[bad] & 0xff));
    }
    chars.flip();
    return new Line(lineNumber, chars.toString(), null);
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int n = in.read(chunk, 0, CHUNK);
    while (n == 0) {
      n = in.read(chunk, 0, CHUNK);
    }
    if (n < 0) {
      eof = true;
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }

  private int indexOfNewline() {
    for (int i = pos; i < limit; i++) {
      if (chunk[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void append(int from, int n) {
    if (lineLength + n > line.length) {
      line = Arrays.copyOf(line, Math.max(lineLength + n, Math.min(line.length * 2, maxLineBytes)));
    }
    System.arraycopy(chunk, from, line, lineLength, n);
    lineLength += n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
