package dev.vera.io;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A reader that splits records off its input first and parses them on demand: {@link #next()} is
 * {@link #nextPending()} parsed at once, with its warnings sent, so the two ways of reading give
 * the same outcomes by construction.
 */
abstract class PendingRecordReader implements ArticleReader {

  @Override
  public final @Nullable ReadOutcome next() throws IOException {
    PendingRecord record = nextPending();
    return record == null ? null : record.parseAndWarn();
  }

  @Override
  public abstract @Nullable PendingRecord nextPending() throws IOException;
}
