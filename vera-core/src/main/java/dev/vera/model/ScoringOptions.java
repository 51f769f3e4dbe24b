package dev.vera.model;

import org.jspecify.annotations.Nullable;

/**
 * How a user wants an article judged.
 *
 * @param useSource mix the publisher's reputation into the verdict (off by default: the text
 *     score stands on its own, and the source evidence is always reported beside it)
 * @param threshold the probability of fake at or above which the verdict is ✖; null uses the
 *     threshold chosen on validation data and stored in the model
 */
public record ScoringOptions(boolean useSource, @Nullable Double threshold) {
  public static final ScoringOptions DEFAULT = new ScoringOptions(false, null);

  public ScoringOptions {
    if (threshold != null && !(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("threshold must lie strictly between 0 and 1, was " + threshold);
    }
  }
}
