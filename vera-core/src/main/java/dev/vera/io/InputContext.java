package dev.vera.io;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a format reader knows about the input it reads: its display name (for locations), the file
 * stem (for default ids), the options, and which warnings were already given for it.
 */
final class InputContext {

  private final String file;
  private final String stem;
  private final ReaderOptions options;
  private final Set<String> warned = new LinkedHashSet<>();

  InputContext(String file, String stem, ReaderOptions options) {
    this.file = file;
    this.stem = stem;
    this.options = options;
  }

  String file() {
    return file;
  }

  String stem() {
    return stem;
  }

  ReaderOptions options() {
    return options;
  }

  RecordLocation at(long line, long record) {
    return new RecordLocation(file, line, record);
  }

  ReadOutcome.Rejected rejected(long line, long record, String problem) {
    return new ReadOutcome.Rejected(at(line, record), problem);
  }

  /**
   * Sends {@code "file:line: message"} to the warning consumer, once per {@code key} for this
   * input, so that a field missing from a million-line file is reported once, not a million times.
   */
  void warnOnce(String key, long line, String message) {
    if (warned.add(key)) {
      options.warnings().accept(file + ":" + line + ": " + message);
    }
  }
}
