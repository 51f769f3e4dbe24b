package dev.vera.eval;

import dev.vera.article.Label;
import java.util.Objects;

/**
 * Precision, recall and F1 of one class taken as the positive class; each is 0 when its denominator
 * is 0 (as scikit-learn's {@code zero_division=0}).
 *
 * @param label the class
 * @param precision share of articles predicted as this class that truly are
 * @param recall share of articles of this class predicted as it
 * @param f1 harmonic mean of precision and recall, 0 when both are 0
 * @param support number of articles truly of this class
 */
public record ClassReport(Label label, double precision, double recall, double f1, int support) {

  public ClassReport {
    Objects.requireNonNull(label, "label");
  }
}
