package dev.vera.eval;

import dev.vera.article.Label;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One evaluated article: its known label, the model's calibrated probability that it is fake, and
 * the decision the caller made from that probability with its own threshold.
 *
 * @param truth the known label
 * @param probabilityFake the calibrated probability of {@link Label#FAKE}, in [0, 1]
 * @param predicted the decision
 * @param source the publisher's domain, or null when unknown
 */
public record ScoredArticle(
    Label truth, double probabilityFake, Label predicted, @Nullable String source) {

  /** Rejects null labels and probabilities outside [0, 1] (NaN included). */
  public ScoredArticle {
    Objects.requireNonNull(truth, "truth");
    Objects.requireNonNull(predicted, "predicted");
    if (!(probabilityFake >= 0.0 && probabilityFake <= 1.0)) {
      throw new IllegalArgumentException(
          "probabilityFake must be in [0, 1], was " + probabilityFake);
    }
    // -0.0 passes the range check but sorts apart from 0.0, which would split a tie group.
    probabilityFake += 0.0;
  }
}
