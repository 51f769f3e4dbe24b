package dev.vera.io;

import java.io.Closeable;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A source of articles that yields one {@link ReadOutcome} per record, in input order, and null at
 * the end. A bad record never ends the reading: it comes out as a {@link ReadOutcome.Rejected} and
 * the reader goes on with the next one, so a batch loses nothing silently.
 */
public interface ArticleReader extends Closeable {

  /**
   * Returns the next record's outcome in input order, or null when the input is exhausted.
   *
   * @throws IOException only when the underlying stream itself fails (a disk or pipe error), never
   *     for a malformed record
   */
  @Nullable ReadOutcome next() throws IOException;

  /**
   * Returns the next record without necessarily parsing it, or null when the input is exhausted;
   * {@link PendingRecord#parse()} then gives the outcome {@link #next()} would have returned. Calls
   * of this and of {@link #next()} may be mixed; each consumes one record. Readers that cannot
   * defer parsing return records already parsed.
   *
   * @throws IOException only when the underlying stream itself fails, as for {@link #next()}
   */
  default @Nullable PendingRecord nextPending() throws IOException {
    ReadOutcome outcome = next();
    return outcome == null ? null : PendingRecord.of(outcome);
  }
}
