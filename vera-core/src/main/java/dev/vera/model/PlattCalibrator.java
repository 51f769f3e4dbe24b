package dev.vera.model;

import org.jspecify.annotations.Nullable;

/**
 * Platt scaling: maps a raw linear score to a calibrated probability of fake, {@code sigmoid(a·z +
 * b)}, with {@code a, b} fitted on held-out articles. A raw L2-regularized score is over- or
 * under-confident depending on the regularization; this puts it back on the scale of observed
 * frequencies.
 */
public record PlattCalibrator(double a, double b) {

  /** Fits the calibrator on held-out raw scores and their true labels. */
  public static PlattCalibrator fit(double[] scores, boolean[] fake) {
    return fit(scores, fake, null, null);
  }

  /**
   * Fits the calibrator on held-out articles from several corpora: each article weighs {@code
   * weights[i]} and its log-odds carry {@code offsets[i]}, the shift from the reference base rate
   * to its own corpus's rate, so that {@code b} is the intercept at the reference rate.
   */
  public static PlattCalibrator fit(
      double[] scores, boolean[] fake, double @Nullable [] weights, double @Nullable [] offsets) {
    double[][] x = new double[scores.length][];
    for (int i = 0; i < scores.length; i++) {
      x[i] = new double[] {scores[i]};
    }
    double[] w = LogisticFit.fit(x, fake, weights, offsets);
    return new PlattCalibrator(w[0], w[1]);
  }

  /** The calibrated probability of fake for a raw score. */
  public double probability(double score) {
    return LogisticFit.sigmoid(logOdds(score));
  }

  /** The calibrated log-odds of fake for a raw score. */
  public double logOdds(double score) {
    return a * score + b;
  }
}
