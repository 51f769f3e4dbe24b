package dev.vera.io;

import dev.vera.io.Utf8LineReader.Line;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Reads one JSON object per line. Blank lines are skipped; each other line is one record, parsed by
 * {@link JsonlRecordParser} (known fields become the article; {@code split*} fields become its
 * splits; unknown fields are ignored with one warning per field name and file, except a few extras
 * of well-known data sets). {@link #nextPending()} only splits and decodes lines, leaving the
 * parsing to the caller's threads.
 */
final class JsonlReader extends PendingRecordReader {

  private final InputContext ctx;
  private final Utf8LineReader lines;
  private final JsonlRecordParser parser;
  private long records;

  JsonlReader(InputContext ctx, Utf8LineReader lines) {
    this.ctx = ctx;
    this.lines = lines;
    this.parser = new JsonlRecordParser(ctx);
  }

  @Override
  public @Nullable PendingRecord nextPending() throws IOException {
    Line line = lines.next();
    while (line != null && line.isBlank()) {
      line = lines.next();
    }
    if (line == null) {
      return null;
    }
    records++;
    RecordLocation where = ctx.at(line.number(), records);
    if (line.problem() != null) {
      return PendingRecord.of(new ReadOutcome.Rejected(where, line.problem()));
    }
    return parser.pending(line.text(), where);
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
