package dev.vera.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Gathers the lines of a multi-line body (seed and plain-text formats) as they would read once
 * stripped: leading and trailing blank lines are dropped, inner ones kept. It measures the UTF-8
 * size of the stripped text exactly, but stops storing lines once the text is certainly over the
 * article limit, so that a huge file costs only bounded memory and still gets an exact size in its
 * rejection.
 */
final class TextCollector {

  private final long keepLimit;
  private final List<String> lines = new ArrayList<>();
  private final List<String> pendingBlanks = new ArrayList<>();
  private long pendingBlankBytes;
  private long bytes;
  private long lastLineTrailingSpaceBytes;
  private boolean started;
  private boolean overflowed;

  /**
   * @param keepLimit the size beyond which lines are counted but no longer stored; it must exceed
   *     the article limit by at least one line's worth, since only the last line's trailing
   *     whitespace is still subtracted at the end
   */
  TextCollector(long keepLimit) {
    this.keepLimit = keepLimit;
  }

  void add(String line) {
    if (line.isBlank()) {
      if (started) {
        // A blank line counts only once more text follows it; trailing blanks are stripped.
        pendingBlanks.add(line);
        pendingBlankBytes += Sizes.utf8Length(line) + 1;
      }
      return;
    }
    String counted = started ? line : line.stripLeading();
    if (started) {
      bytes += pendingBlankBytes + 1; // the blank lines and the newline before this line
      store(pendingBlanks);
    }
    pendingBlanks.clear();
    pendingBlankBytes = 0;
    started = true;
    bytes += Sizes.utf8Length(counted);
    lastLineTrailingSpaceBytes =
        Sizes.utf8Length(counted) - Sizes.utf8Length(counted.stripTrailing());
    store(List.of(line));
    if (bytes - lastLineTrailingSpaceBytes > keepLimit) {
      overflowed = true;
      lines.clear();
    }
  }

  private void store(List<String> more) {
    if (!overflowed) {
      lines.addAll(more);
    }
  }

  /** True when no non-blank line was added. */
  boolean isEmpty() {
    return !started;
  }

  /** True when the text grew past the keep limit, so {@link #lines()} is no longer available. */
  boolean overflowed() {
    return overflowed;
  }

  /** The UTF-8 size of the stripped text, exact even after overflow. */
  long utf8Bytes() {
    return bytes - lastLineTrailingSpaceBytes;
  }

  /** The lines from the first non-blank to the last non-blank one, as added. */
  List<String> lines() {
    if (overflowed) {
      throw new IllegalStateException("text was too large to keep");
    }
    return List.copyOf(lines);
  }

  /** The collected lines joined with newlines and stripped. */
  String text() {
    return String.join("\n", lines()).strip();
  }
}
