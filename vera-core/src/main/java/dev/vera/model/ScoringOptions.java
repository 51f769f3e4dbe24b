package dev.vera.model;

import org.jspecify.annotations.Nullable;

/**
 * How a user wants an article judged.
 *
 * @param useSource mix the publisher's reputation into the verdict (off by default: the text score
 *     stands on its own, and the source evidence is always reported beside it)
 * @param threshold the probability of fake at or above which the verdict is ✖; null uses the
 *     threshold chosen on validation data for the base rate in force
 * @param baseRate the share of fake articles in the reader's feed; the probability and the
 *     threshold are re-expressed for it (null: the model's training mix)
 */
public record ScoringOptions(
    boolean useSource, @Nullable Double threshold, @Nullable Double baseRate) {
  public static final ScoringOptions DEFAULT = new ScoringOptions(false, null, null);

  public ScoringOptions {
    if (threshold != null && !(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException(
          "threshold must lie strictly between 0 and 1, was " + threshold);
    }
    if (baseRate != null) {
      BaseRate.check(baseRate);
    }
  }

  /** Options without a base rate of their own. */
  public ScoringOptions(boolean useSource, @Nullable Double threshold) {
    this(useSource, threshold, null);
  }

  /** The same options for a feed with another share of fake. */
  public ScoringOptions withBaseRate(@Nullable Double rate) {
    return new ScoringOptions(useSource, threshold, rate);
  }
}
