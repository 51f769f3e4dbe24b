package dev.vera.io;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * Looks at the start of an input before any format reads it: unwraps gzip, refuses binary and empty
 * inputs as a whole, and resolves {@link InputFormat#AUTO} from the name and the first non-blank
 * line. The stream it returns still starts at the first byte.
 */
final class InputProbe {

  /** How much of the content is looked at to choose a format. */
  static final int SNIFF_BYTES = 64 * 1024;

  /** A NUL byte this early means a binary file, not text with one stray control character. */
  static final int BINARY_WINDOW = 8 * 1024;

  static final String EMPTY = "empty file: no article in it";

  /** The outcome of a probe: a stream to read in a format, or why the whole input is refused. */
  sealed interface Result permits Ready, Refused {}

  /**
   * @param in the (decompressed) content, from its first byte
   * @param format the format to read it in, never AUTO
   * @param gzipped whether {@code in} inflates gzip data, whose corruption can surface later
   */
  record Ready(InputStream in, InputFormat format, boolean gzipped) implements Result {}

  /**
   * @param problem why the input as a whole holds no readable article
   */
  record Refused(String problem) implements Result {}

  private InputProbe() {}

  /**
   * Probes {@code raw}, named {@code name} (a file name, or {@code -} for standard input).
   *
   * @throws IOException when reading the stream itself fails
   */
  static Result probe(InputStream raw, String name, InputFormat requested) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(raw, SNIFF_BYTES);
    buffered.mark(2);
    int b0 = buffered.read();
    int b1 = buffered.read();
    buffered.reset();
    String lower = name.toLowerCase(Locale.ROOT);
    boolean gzName = lower.endsWith(".gz");
    // The gzip magic is honoured whatever the name, so "zcat | vera -" and "vera x.gz" both work.
    boolean gzMagic = b0 == 0x1f && b1 == 0x8b;
    if (b0 < 0) {
      return new Refused(EMPTY);
    }
    if (gzName && !gzMagic) {
      return new Refused("the file name ends in .gz but its content is not gzip data");
    }
    InputStream content = buffered;
    byte[] head;
    try {
      if (gzMagic) {
        content = new BufferedInputStream(new GZIPInputStream(buffered, 64 * 1024), SNIFF_BYTES);
      }
      content.mark(SNIFF_BYTES);
      head = content.readNBytes(SNIFF_BYTES);
      content.reset();
    } catch (ZipException | EOFException e) {
      return new Refused(corruptGzip(e));
    }
    int nul = indexOfNul(head);
    if (nul >= 0) {
      return new Refused("binary file (NUL byte at byte " + (nul + 1) + "); Vera reads UTF-8 text");
    }
    if (head.length < SNIFF_BYTES && isBlank(head)) {
      return new Refused(EMPTY);
    }
    InputFormat format = requested;
    if (format == InputFormat.AUTO) {
      String inner = gzName ? lower.substring(0, lower.length() - 3) : lower;
      InputFormat byName = byExtension(inner);
      format = byName != null ? byName : byContent(head);
    }
    return new Ready(content, format, gzMagic);
  }

  /** A one-line description of broken gzip data. */
  static String corruptGzip(IOException e) {
    // An EOFException says nothing itself: the data stopped where more was promised.
    String why =
        e.getMessage() != null
            ? e.getMessage()
            : e instanceof EOFException ? "it ends early" : e.getClass().getSimpleName();
    return "the gzip data is corrupt or truncated (" + why + ")";
  }

  private static @Nullable InputFormat byExtension(String lowerName) {
    if (lowerName.endsWith(".jsonl")
        || lowerName.endsWith(".ndjson")
        || lowerName.endsWith(".json")) {
      return InputFormat.JSONL;
    }
    if (lowerName.endsWith(".csv")) {
      return InputFormat.CSV;
    }
    return null;
  }

  private static InputFormat byContent(byte[] head) {
    String start = new String(head, StandardCharsets.UTF_8);
    if (start.startsWith("\uFEFF")) {
      start = start.substring(1);
    }
    for (String line : start.split("\n", -1)) {
      if (line.isBlank()) {
        continue;
      }
      String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      if (SeedHeader.looksLikeHeader(l)) {
        return InputFormat.SEED;
      }
      return l.strip().startsWith("{") ? InputFormat.JSONL : InputFormat.TEXT;
    }
    return InputFormat.TEXT;
  }

  private static int indexOfNul(byte[] head) {
    int end = Math.min(head.length, BINARY_WINDOW);
    for (int i = 0; i < end; i++) {
      if (head[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isBlank(byte[] head) {
    int start =
        head.length >= 3
                && (head[0] & 0xff) == 0xEF
                && (head[1] & 0xff) == 0xBB
                && (head[2] & 0xff) == 0xBF
            ? 3
            : 0;
    for (int i = start; i < head.length; i++) {
      byte b = head[i];
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x0B) {
        return false;
      }
    }
    return true;
  }
}
