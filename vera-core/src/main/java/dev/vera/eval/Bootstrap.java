package dev.vera.eval;

import dev.vera.article.Label;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Percentile bootstrap intervals of a metric: the articles are drawn with replacement as many times
 * as there are articles, the metric recomputed on each draw, and the 2.5th and 97.5th percentiles
 * of those values kept. The sampling error of a test part, against which a missed bar is judged.
 */
public final class Bootstrap {
  /** Draws per interval. */
  public static final int DRAWS = 1000;

  private Bootstrap() {}

  /** A 95% interval. */
  public record Interval(double low, double high) {}

  /** A metric of probabilities and truths (true = fake), and optionally decisions. */
  @FunctionalInterface
  public interface Metric {
    double of(double[] p, boolean[] fake, boolean[] calledFake);

    /** The area under the ROC curve. */
    Metric ROC_AUC = (p, fake, called) -> Metrics.Sweep.of(p, fake).auc();

    /** The expected calibration error, as {@link Evaluator} defines it. */
    Metric ECE = (p, fake, called) -> Metrics.ece(p, fake);

    /** Macro-F1 of the decisions. */
    Metric MACRO_F1 = (p, fake, called) -> macroF1(fake, called);
  }

  /** The 95% interval of {@code metric} over {@code scored}, reproducible for a seed. */
  public static Interval interval(List<ScoredArticle> scored, Metric metric, long seed) {
    int n = scored.size();
    double[] p = new double[n];
    boolean[] fake = new boolean[n];
    boolean[] called = new boolean[n];
    for (int i = 0; i < n; i++) {
      ScoredArticle s = scored.get(i);
      p[i] = s.probabilityFake();
      fake[i] = s.truth() == Label.FAKE;
      called[i] = s.predicted() == Label.FAKE;
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] values = new double[DRAWS];
    int kept = 0;
    double[] bp = new double[n];
    boolean[] bf = new boolean[n];
    boolean[] bc = new boolean[n];
    for (int d = 0; d < DRAWS; d++) {
      for (int i = 0; i < n; i++) {
        int j = random.nextInt(n);
        bp[i] = p[j];
        bf[i] = fake[j];
        bc[i] = called[j];
      }
      double v = metric.of(bp, bf, bc);
      if (!Double.isNaN(v)) {
        values[kept++] = v;
      }
    }
    if (kept == 0) {
      return new Interval(Double.NaN, Double.NaN);
    }
    double[] sorted = Arrays.copyOf(values, kept);
    Arrays.sort(sorted);
    return new Interval(percentile(sorted, 0.025), percentile(sorted, 0.975));
  }

  /**
   * Draws of how much macro-F1 rises when only the {@code kept} decisions count: each draw
   * resamples the articles and takes macro-F1 of the kept ones minus macro-F1 of all, so that the
   * two stay paired. Reproducible for a seed; draws whose kept part is empty are NaN.
   */
  public static double[] keptGainDraws(
      boolean[] fake, boolean[] called, boolean[] kept, long seed) {
    int n = fake.length;
    SplittableRandom random = new SplittableRandom(seed);
    double[] draws = new double[DRAWS];
    boolean[] bf = new boolean[n];
    boolean[] bc = new boolean[n];
    boolean[] bk = new boolean[n];
    for (int d = 0; d < DRAWS; d++) {
      int keptCount = 0;
      for (int i = 0; i < n; i++) {
        int j = random.nextInt(n);
        bf[i] = fake[j];
        bc[i] = called[j];
        bk[i] = kept[j];
        keptCount += kept[j] ? 1 : 0;
      }
      draws[d] = keptCount == 0 ? Double.NaN : macroF1(bf, bc, bk) - macroF1(bf, bc, null);
    }
    return draws;
  }

  /**
   * The 95% range of the ECE that a perfectly calibrated model would show on these probabilities:
   * each draw gives every article the label fake with its own probability. On a small test part
   * this range lies well above zero, so an observed ECE inside it is no evidence of miscalibration.
   */
  public static Interval eceIfCalibrated(double[] p, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] draws = new double[DRAWS];
    boolean[] fake = new boolean[p.length];
    for (int d = 0; d < DRAWS; d++) {
      for (int i = 0; i < p.length; i++) {
        fake[i] = random.nextDouble() < p[i];
      }
      draws[d] = Metrics.ece(p, fake);
    }
    return interval(draws);
  }

  /** The 95% interval of bootstrap draws, NaN draws left out. */
  public static Interval interval(double[] draws) {
    double[] sorted = Arrays.stream(draws).filter(v -> !Double.isNaN(v)).sorted().toArray();
    if (sorted.length == 0) {
      return new Interval(Double.NaN, Double.NaN);
    }
    return new Interval(percentile(sorted, 0.025), percentile(sorted, 0.975));
  }

  private static double percentile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  private static double macroF1(boolean[] fake, boolean[] called) {
    return macroF1(fake, called, null);
  }

  /** Macro-F1 over the articles {@code kept} says (all when null). */
  private static double macroF1(boolean[] fake, boolean[] called, boolean @Nullable [] kept) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int tn = 0;
    for (int i = 0; i < fake.length; i++) {
      if (kept != null && !kept[i]) {
        continue;
      }
      if (fake[i]) {
        if (called[i]) {
          tp++;
        } else {
          fn++;
        }
      } else if (called[i]) {
        fp++;
      } else {
        tn++;
      }
    }
    return (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2;
  }

  private static double f1(int tp, int fp, int fn) {
    int d = 2 * tp + fp + fn;
    return d == 0 ? 0 : 2.0 * tp / d;
  }
}
