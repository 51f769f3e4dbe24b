package dev.vera.io;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Yields outcomes known in advance, such as the rejection of a path that cannot be listed. */
final class FixedReader implements ArticleReader {

  private final Deque<ReadOutcome> outcomes;

  FixedReader(List<ReadOutcome> outcomes) {
    this.outcomes = new ArrayDeque<>(outcomes);
  }

  @Override
  public @Nullable ReadOutcome next() {
    return outcomes.poll();
  }

  @Override
  public void close() {
    outcomes.clear();
  }
}
