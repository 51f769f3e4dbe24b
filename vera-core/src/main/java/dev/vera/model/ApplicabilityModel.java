package dev.vera.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * Says whether an article is like the articles a model was trained on. The measure is the mean
 * cosine similarity of its {@code k} nearest training articles (TF-IDF vectors of their heaviest
 * words, all publishers counted); the score is where that measure falls among the model's
 * validation articles, which come from the training corpora but were never trained on: an article
 * less similar to the training data than nearly all of them is outside the model's experience.
 * Measured leave-one-corpus-out, this separated a held-out collection's articles from the training
 * collections' own test articles better than vocabulary coverage (docs/evaluation.md).
 *
 * @param k how many nearest training articles the measure averages
 * @param reference the validation articles' measures, ascending
 * @param flagBelow the score under which an article is flagged as outside the model's experience:
 *     the share of in-domain articles a user accepts to see flagged
 */
public record ApplicabilityModel(int k, double[] reference, double flagBelow) {

  /** The default number of neighbours averaged. */
  public static final int DEFAULT_K = 10;

  /**
   * The default flag level: one in-domain article in ten is flagged. Chosen leave-one-corpus-out on
   * the known corpora, where setting the flagged articles aside helped the rest more at this level
   * than at one in twenty (docs/evaluation.md).
   */
  public static final double DEFAULT_FLAG_BELOW = 0.10;

  public ApplicabilityModel {
    if (k < 1) {
      throw new IllegalArgumentException("applicability needs k >= 1, was " + k);
    }
    if (reference.length == 0) {
      throw new IllegalArgumentException("applicability needs validation articles to compare with");
    }
    if (!(flagBelow >= 0 && flagBelow < 1)) {
      throw new IllegalArgumentException("the flag level must lie in [0, 1), was " + flagBelow);
    }
    reference = reference.clone();
    Arrays.sort(reference);
  }

  /** The model from the validation articles' measures. */
  public static ApplicabilityModel of(int k, double[] validationMeasures, double flagBelow) {
    return new ApplicabilityModel(k, validationMeasures, flagBelow);
  }

  /** How applicable the model is to an article whose measure is {@code similarity}. */
  public Applicability assess(double similarity) {
    // The share of reference measures strictly below, ties counted half: a rank, so that the
    // score is uniform over articles like the validation ones.
    int below = lowerBound(similarity);
    int upTo = upperBound(similarity);
    double score = (below + 0.5 * (upTo - below)) / reference.length;
    return new Applicability(score, score < flagBelow, similarity);
  }

  private int lowerBound(double x) {
    int lo = 0;
    int hi = reference.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (reference[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private int upperBound(double x) {
    int lo = 0;
    int hi = reference.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (reference[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  @Override
  public double[] reference() {
    return reference.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApplicabilityModel a
        && k == a.k
        && Arrays.equals(reference, a.reference)
        && Double.compare(flagBelow, a.flagBelow) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(k, Arrays.hashCode(reference), flagBelow);
  }

  @Override
  public String toString() {
    return "ApplicabilityModel[k="
        + k
        + ", "
        + reference.length
        + " reference articles, flag below "
        + flagBelow
        + "]";
  }
}
