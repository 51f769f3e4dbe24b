package dev.vera.model;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Stacks the text model's scores into one: a logistic regression over the raw linear score, the
 * sentence-embedding classifier's score (when the model has one) and the {@link NeighbourEvidence}
 * features (when it has neighbours), fitted on the training articles with out-of-fold scores and
 * leave-one-out neighbours, so that no input has seen the article it scores. Its output is a score
 * on the log-odds scale that the calibrator maps to a probability.
 *
 * <p>Written as {@code lexicalWeight · raw + embeddingWeight · embedding + Σ neighbourWeights[j] ·
 * features[j] + intercept}, so that an explanation can split the score into the phrases' share
 * (scaled by {@code lexicalWeight}), the embedding's and the neighbours'.
 *
 * @param neighbourWeights one weight per neighbour feature, or none when the model has no
 *     neighbours
 */
public record ScoreStack(
    double lexicalWeight, double embeddingWeight, double[] neighbourWeights, double intercept) {

  /** Number of neighbour features ({@link NeighbourEvidence#features()}). */
  public static final int NEIGHBOUR_FEATURES = 5;

  public ScoreStack {
    if (neighbourWeights.length != 0 && neighbourWeights.length != NEIGHBOUR_FEATURES) {
      throw new IllegalArgumentException(
          "a score stack has 0 or "
              + NEIGHBOUR_FEATURES
              + " neighbour weights, was "
              + neighbourWeights.length);
    }
    neighbourWeights = neighbourWeights.clone();
  }

  @Override
  public double[] neighbourWeights() {
    return neighbourWeights.clone();
  }

  /** Whether the stack reads the neighbours' evidence. */
  public boolean readsNeighbours() {
    return neighbourWeights.length > 0;
  }

  /**
   * Fits the stack. Inputs are standardized for the fit (so that the solver's tiny penalty treats
   * them alike) and the weights folded back to the raw scale.
   *
   * @param embedding the embedding classifier's out-of-fold scores, or null for none
   * @param neighbours per article the neighbour features, or null for none
   */
  static ScoreStack fit(
      double[] raw,
      double @Nullable [] embedding,
      double @Nullable [][] neighbours,
      boolean[] fake) {
    return fit(raw, embedding, neighbours, fake, null, null);
  }

  /**
   * {@link #fit(double[], double[], double[][], boolean[])} with a weight per article and a fixed
   * offset on its log-odds (the shift from the reference base rate to its corpus's rate).
   */
  static ScoreStack fit(
      double[] raw,
      double @Nullable [] embedding,
      double @Nullable [][] neighbours,
      boolean[] fake,
      double @Nullable [] weights,
      double @Nullable [] offsets) {
    int n = raw.length;
    int nb = neighbours == null ? 0 : NEIGHBOUR_FEATURES;
    int e = embedding == null ? 0 : 1;
    int d = 1 + e + nb;
    double[][] x = new double[n][d];
    for (int i = 0; i < n; i++) {
      x[i][0] = raw[i];
      if (embedding != null) {
        x[i][1] = embedding[i];
      }
      if (neighbours != null) {
        System.arraycopy(neighbours[i], 0, x[i], 1 + e, nb);
      }
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
    double[] w = LogisticFit.fit(z, fake, weights, offsets);
    double intercept = w[d];
    double[] folded = new double[d];
    for (int j = 0; j < d; j++) {
      folded[j] = w[j] / sd[j];
      intercept -= folded[j] * mean[j];
    }
    return new ScoreStack(
        folded[0], e == 1 ? folded[1] : 0, Arrays.copyOfRange(folded, 1 + e, d), intercept);
  }

  /** The stacked score. */
  double score(double raw, double embedding, @Nullable NeighbourEvidence evidence) {
    return lexicalWeight * raw + embeddingWeight * embedding + neighbourShare(evidence) + intercept;
  }

  /** The neighbours' part of the score (0 when the stack reads none). */
  double neighbourShare(@Nullable NeighbourEvidence evidence) {
    if (neighbourWeights.length == 0 || evidence == null) {
      return 0;
    }
    double[] f = evidence.features();
    double s = 0;
    for (int j = 0; j < NEIGHBOUR_FEATURES; j++) {
      s += neighbourWeights[j] * f[j];
    }
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScoreStack c
        && Double.compare(lexicalWeight, c.lexicalWeight) == 0
        && Double.compare(embeddingWeight, c.embeddingWeight) == 0
        && Arrays.equals(neighbourWeights, c.neighbourWeights)
        && Double.compare(intercept, c.intercept) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        lexicalWeight, embeddingWeight, Arrays.hashCode(neighbourWeights), intercept);
  }

  @Override
  public String toString() {
    return "ScoreStack[lexicalWeight="
        + lexicalWeight
        + ", embeddingWeight="
        + embeddingWeight
        + ", neighbourWeights="
        + Arrays.toString(neighbourWeights)
        + ", intercept="
        + intercept
        + "]";
  }
}
