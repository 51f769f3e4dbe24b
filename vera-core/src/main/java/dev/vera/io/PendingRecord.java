package dev.vera.io;

import java.util.Objects;

/**
 * One record split off its input, whose parsing may be left to another thread: the reading thread
 * only finds where records start and end (and decodes them strictly as UTF-8), so that a consumer
 * with several workers, such as the batch scanner, can parse records in parallel.
 *
 * <p>{@link #where()} and {@link #chars()} are known at once. {@link #parse()} turns the record
 * into exactly the outcome {@link ArticleReader#next()} would have returned for it (it is the same
 * code); it has no side effects and may run on any thread, but once per record. Warnings the record
 * gives (such as an unknown field) are not sent while parsing; {@link #publishWarnings()} sends
 * them, and must be called after {@link #parse()}, one record at a time in input order, so that
 * warnings come out exactly as when reading with {@link ArticleReader#next()}.
 */
public abstract class PendingRecord {

  private final RecordLocation where;

  PendingRecord(RecordLocation where) {
    this.where = Objects.requireNonNull(where, "where");
  }

  /** Where the record came from; the same location its outcome will have. */
  public final RecordLocation where() {
    return where;
  }

  /**
   * About how many characters this holds: the record's text until parsed, or the article's title
   * and text when it came already parsed (for bounding memory).
   */
  public abstract int chars();

  /** The record's outcome; no side effects, callable from any thread, once. */
  public abstract ReadOutcome parse();

  /** Sends the warnings found by {@link #parse()}; call in input order after it. */
  public void publishWarnings() {}

  /** An outcome that needs no parsing (a whole-input problem, or from a reader that parses). */
  public static PendingRecord of(ReadOutcome outcome) {
    return new Done(outcome);
  }

  /** Parses and then warns at once: what {@link ArticleReader#next()} does with a record. */
  ReadOutcome parseAndWarn() {
    ReadOutcome outcome = parse();
    publishWarnings();
    return outcome;
  }

  private static final class Done extends PendingRecord {
    private final ReadOutcome outcome;

    Done(ReadOutcome outcome) {
      super(outcome.where());
      this.outcome = outcome;
    }

    @Override
    public int chars() {
      if (outcome instanceof ReadOutcome.Parsed p) {
        return (int)
            Math.min(
                Integer.MAX_VALUE,
                (long) p.article().title().length() + p.article().text().length());
      }
      return 0;
    }

    @Override
    public ReadOutcome parse() {
      return outcome;
    }
  }
}
