package dev.vera.io;

/**
 * Where a record came from, for error messages and output: the file (or {@code -} for standard
 * input), the 1-based line the record starts on, and its 1-based position among the file's records.
 */
public record RecordLocation(String file, long line, long record) {

  @Override
  public String toString() {
    return file + ":" + line + " (record " + record + ")";
  }
}
