package dev.vera.model;

/**
 * Stacks the lexical score with the neighbours' evidence: a logistic regression over the raw
 * linear score and the {@link NeighbourEvidence} features, fitted on the training articles with
 * out-of-fold linear scores and leave-one-out neighbours, so that neither input has seen the
 * article it scores. Its output is a score on the log-odds scale that the calibrator then maps
 * to a probability.
 *
 * <p>Written as {@code lexicalWeight · raw + Σ weights[j] · features[j] + intercept}, so that an
 * explanation can split the score into the phrases' share (scaled by {@code lexicalWeight}) and
 * the neighbours' share.
 */
public record NeighbourCombiner(double lexicalWeight, double[] weights, double intercept) {

  /** Number of neighbour features ({@link NeighbourEvidence#features()}). */
  public static final int FEATURES = 5;

  public NeighbourCombiner {
    if (weights.length != FEATURES) {
      throw new IllegalArgumentException(
          "a neighbour combiner has " + FEATURES + " feature weights, was " + weights.length);
    }
    weights = weights.clone();
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NeighbourCombiner c
        && Double.compare(lexicalWeight, c.lexicalWeight) == 0
        && java.util.Arrays.equals(weights, c.weights)
        && Double.compare(intercept, c.intercept) == 0;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(lexicalWeight, java.util.Arrays.hashCode(weights), intercept);
  }

  @Override
  public String toString() {
    return "NeighbourCombiner[lexicalWeight=" + lexicalWeight + ", weights="
        + java.util.Arrays.toString(weights) + ", intercept=" + intercept + "]";
  }

  /**
   * Fits the combination. Inputs are standardized for the fit (so that the solver's tiny penalty
   * treats them alike) and the weights folded back to the raw scale.
   */
  static NeighbourCombiner fit(double[] raw, double[][] features, boolean[] fake) {
    int n = raw.length;
    int d = FEATURES + 1;
    double[][] x = new double[n][d];
    for (int i = 0; i < n; i++) {
      x[i][0] = raw[i];
      System.arraycopy(features[i], 0, x[i], 1, FEATURES);
    }
    double[] mean = new double[d];
    double[] sd = new double[d];
    for (int j = 0; j < d; j++) {
      double s = 0;
      double sq = 0;
      for (double[] row : x) {
        s += row[j];
        sq += row[j] * row[j];
      }
      mean[j] = s / n;
      double var = sq / n - mean[j] * mean[j];
      sd[j] = var > 1e-12 ? Math.sqrt(var) : 1.0;
    }
    double[][] z = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        z[i][j] = (x[i][j] - mean[j]) / sd[j];
      }
    }
    double[] w = LogisticFit.fit(z, fake);
    double intercept = w[d];
    double[] folded = new double[d];
    for (int j = 0; j < d; j++) {
      folded[j] = w[j] / sd[j];
      intercept -= folded[j] * mean[j];
    }
    double[] nb = new double[FEATURES];
    System.arraycopy(folded, 1, nb, 0, FEATURES);
    return new NeighbourCombiner(folded[0], nb, intercept);
  }

  /** The combined score of a raw linear score and the neighbours' evidence. */
  double score(double raw, NeighbourEvidence evidence) {
    return lexicalWeight * raw + neighbourShare(evidence) + intercept;
  }

  /** The neighbours' part of the score. */
  double neighbourShare(NeighbourEvidence evidence) {
    double[] f = evidence.features();
    double s = 0;
    for (int j = 0; j < FEATURES; j++) {
      s += weights[j] * f[j];
    }
    return s;
  }
}
