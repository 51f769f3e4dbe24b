package dev.vera.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Calibration that knows which training collection an article looks like. A text score is sharper
 * on one collection than on another, so one slope for all leaves each collection miscalibrated
 * (docs/evaluation.md). Here each corpus has its own Platt fit on its own validation articles,
 * pulled toward the pooled fit by {@link #SHRINK} articles' worth, and an article is calibrated
 * with the mixture of those fits weighted by the share of its nearest training articles that each
 * corpus holds ({@link NeighbourIndex.Query#corpusShare()}). An article like no training article at
 * all gets the pooled fit. The log-odds are at the model's reference base rate, as the pooled
 * fit's.
 *
 * @param corpora the training corpora, in the index's order
 * @param slope per corpus, its slope
 * @param intercept per corpus, its intercept (at the reference base rate)
 * @param pooled the fit over every corpus's validation articles
 */
public record DomainCalibration(
    List<String> corpora, double[] slope, double[] intercept, PlattCalibrator pooled) {

  /** How many validation articles the pooled fit counts for when pulling a corpus's fit. */
  public static final double SHRINK = 100;

  public DomainCalibration {
    corpora = List.copyOf(corpora);
    if (slope.length != corpora.size() || intercept.length != corpora.size()) {
      throw new IllegalArgumentException(
          "domain calibration needs one slope and intercept per corpus");
    }
    slope = slope.clone();
    intercept = intercept.clone();
  }

  /**
   * Fits each corpus's calibration on its validation articles, each carrying its corpus's log-odds
   * offset from the reference base rate, and pulls it toward {@code pooled}.
   *
   * @param corpus per validation article, its corpus's position in {@code corpora}
   */
  static DomainCalibration fit(
      List<String> corpora,
      PlattCalibrator pooled,
      double[] score,
      boolean[] fake,
      double[] offsets,
      int[] corpus) {
    int k = corpora.size();
    double[] a = new double[k];
    double[] b = new double[k];
    for (int c = 0; c < k; c++) {
      int n = 0;
      int fakes = 0;
      for (int i = 0; i < corpus.length; i++) {
        if (corpus[i] == c) {
          n++;
          fakes += fake[i] ? 1 : 0;
        }
      }
      a[c] = pooled.a();
      b[c] = pooled.b();
      if (fakes == 0 || fakes == n) {
        continue; // one class only: nothing to fit a slope on
      }
      double[] s = new double[n];
      boolean[] y = new boolean[n];
      double[] o = new double[n];
      int j = 0;
      for (int i = 0; i < corpus.length; i++) {
        if (corpus[i] == c) {
          s[j] = score[i];
          y[j] = fake[i];
          o[j++] = offsets[i];
        }
      }
      PlattCalibrator own = PlattCalibrator.fit(s, y, null, o);
      a[c] = (n * own.a() + SHRINK * pooled.a()) / (n + SHRINK);
      b[c] = (n * own.b() + SHRINK * pooled.b()) / (n + SHRINK);
    }
    return new DomainCalibration(corpora, a, b, pooled);
  }

  /**
   * The calibrated log-odds (reference base rate) of a score, for an article of that corpus share.
   */
  public double logOdds(double score, double @Nullable [] share) {
    return slope(share) * score + intercept(share);
  }

  /** The effective slope for an article of that corpus share. */
  public double slope(double @Nullable [] share) {
    if (share == null) {
      return pooled.a();
    }
    double s = 0;
    for (int c = 0; c < slope.length; c++) {
      s += share[c] * slope[c];
    }
    return s;
  }

  /** The effective intercept for an article of that corpus share. */
  public double intercept(double @Nullable [] share) {
    if (share == null) {
      return pooled.b();
    }
    double s = 0;
    for (int c = 0; c < intercept.length; c++) {
      s += share[c] * intercept[c];
    }
    return s;
  }

  @Override
  public double[] slope() {
    return slope.clone();
  }

  @Override
  public double[] intercept() {
    return intercept.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DomainCalibration d
        && corpora.equals(d.corpora)
        && Arrays.equals(slope, d.slope)
        && Arrays.equals(intercept, d.intercept)
        && pooled.equals(d.pooled);
  }

  @Override
  public int hashCode() {
    return Objects.hash(corpora, Arrays.hashCode(slope), Arrays.hashCode(intercept), pooled);
  }

  @Override
  public String toString() {
    return "DomainCalibration["
        + corpora
        + ", slope="
        + Arrays.toString(slope)
        + ", intercept="
        + Arrays.toString(intercept)
        + ", pooled="
        + pooled
        + "]";
  }
}
