package dev.vera.io;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Reads several readers one after another, creating each only when the previous one is exhausted
 * and closing it right after, so that a thousand-file directory holds one file open at a time.
 */
final class ConcatReader extends PendingRecordReader {

  private final List<Supplier<ArticleReader>> parts;
  private int nextPart;
  private @Nullable ArticleReader current;

  ConcatReader(List<Supplier<ArticleReader>> parts) {
    this.parts = List.copyOf(parts);
  }

  @Override
  public @Nullable PendingRecord nextPending() throws IOException {
    while (true) {
      if (current == null) {
        if (nextPart >= parts.size()) {
          return null;
        }
        current = parts.get(nextPart++).get();
      }
      PendingRecord record = current.nextPending();
      if (record != null) {
        return record;
      }
      ArticleReader finished = current;
      current = null;
      finished.close();
    }
  }

  @Override
  public void close() throws IOException {
    nextPart = parts.size();
    if (current != null) {
      ArticleReader open = current;
      current = null;
      open.close();
    }
  }
}
