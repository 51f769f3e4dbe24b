package dev.vera.io;

import dev.vera.io.Utf8LineReader.Line;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Groups decoded lines into the text of whole CSV records, following RFC 4180 quoting the way
 * commons-csv does (a quote opens a field only as its first character; {@code ""} inside a quoted
 * field is a quote), so that the fields can then be parsed record by record. Finding the record
 * boundaries here, instead of streaming the file through one parser, is what lets a record with bad
 * UTF-8, a stray quote or a runaway length be rejected alone while reading goes on with the next
 * one, and gives each record the line it starts on.
 */
final class CsvRecordScanner {

  /**
   * The text of one record.
   *
   * @param line the line the record starts on
   * @param text its lines joined with {@code \n} (empty when the record had a problem)
   * @param problem why the record cannot be parsed, or null
   */
  record RawRecord(long line, String text, @Nullable String problem) {}

  private enum State {
    FIELD_START,
    UNQUOTED,
    QUOTED,
    QUOTE_SEEN,
    AFTER_QUOTE
  }

  private final Utf8LineReader lines;
  private final long maxRecordBytes;
  private State state = State.FIELD_START;
  private @Nullable String problem;
  private long quoteLine;

  CsvRecordScanner(Utf8LineReader lines, long maxRecordBytes) {
    this.lines = lines;
    this.maxRecordBytes = maxRecordBytes;
  }

  /** The next record, skipping blank lines between records; null at the end of the input. */
  @Nullable RawRecord next() throws IOException {
    Line line = lines.next();
    while (line != null && line.isBlank()) {
      line = lines.next();
    }
    if (line == null) {
      return null;
    }
    long start = line.number();
    StringBuilder text = new StringBuilder();
    long bytes = 0;
    state = State.FIELD_START;
    problem = null;
    while (true) {
      if (problem == null) {
        problem = line.problem();
      }
      scan(line);
      bytes += Sizes.utf8Length(line.text()) + 1;
      if (bytes > maxRecordBytes && problem == null) {
        problem =
            "record starting on line "
                + start
                + " is over "
                + Sizes.describe(maxRecordBytes)
                + " long; is a closing quote missing?";
      }
      if (problem == null) {
        if (line.number() != start) {
          text.append('\n');
        }
        text.append(line.text());
      }
      if (state != State.QUOTED) {
        break;
      }
      line = lines.next();
      if (line == null) {
        problem =
            problem != null
                ? problem
                : "invalid CSV: the quoted field opened on line "
                    + quoteLine
                    + " is never closed (missing closing quote)";
        break;
      }
    }
    return new RawRecord(start, problem == null ? text.toString() : "", problem);
  }

  private void scan(Line line) {
    String s = line.text();
    if (state != State.QUOTED) {
      state = State.FIELD_START; // a line break outside quotes ends the record
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      state =
          switch (state) {
            case FIELD_START -> {
              if (c == '"') {
                quoteLine = line.number();
                yield State.QUOTED;
              }
              yield c == ',' ? State.FIELD_START : State.UNQUOTED;
            }
            case UNQUOTED -> c == ',' ? State.FIELD_START : State.UNQUOTED;
            case QUOTED -> c == '"' ? State.QUOTE_SEEN : State.QUOTED;
            case QUOTE_SEEN, AFTER_QUOTE -> afterQuote(c, line.number(), i + 1);
          };
    }
  }

  private State afterQuote(char c, long lineNumber, int column) {
    if (c == '"' && state == State.QUOTE_SEEN) {
      return State.QUOTED; // "" is an escaped quote
    }
    if (c == ',') {
      return State.FIELD_START;
    }
    if (Character.isWhitespace(c)) {
      return State.AFTER_QUOTE;
    }
    if (problem == null) {
      problem =
          "invalid CSV: text after the closing quote of a field on line "
              + lineNumber
              + " at column "
              + column
              + " (a quote inside a quoted field must be doubled)";
    }
    return State.UNQUOTED;
  }
}
