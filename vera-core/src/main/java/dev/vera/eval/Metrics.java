package dev.vera.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Probability-based metrics over parallel arrays of fake probabilities and truths (true = fake).
 * Kept apart from {@link Evaluator} so that each formula can be read, and tested, on its own.
 */
final class Metrics {

  /** Number of bins of both the ECE and the reliability diagram. */
  static final int BINS = 15;

  private Metrics() {}

  /**
   * The articles ordered by decreasing probability and cut at every distinct probability, as
   * scikit-learn does for its curves: one entry per tie group, with the cumulative counts of fake
   * and real articles at or above that probability.
   */
  record Sweep(double[] thresholds, int[] tp, int[] fp, int positives, int negatives, double auc) {

    static Sweep of(double[] p, boolean[] fake) {
      // A NaN is unequal to itself: its tie group would never end.
      Evaluator.requireProbabilities(p);
      int n = p.length;
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
      int positives = 0;
      for (boolean f : fake) {
        positives += f ? 1 : 0;
      }
      int negatives = n - positives;

      double[] thresholds = new double[n];
      int[] tp = new int[n];
      int[] fp = new int[n];
      int groups = 0;
      int cumTp = 0;
      int cumFp = 0;
      double positiveRankSum = 0.0;
      for (int start = 0; start < n; ) {
        double score = p[order[start]];
        int end = start;
        int groupTp = 0;
        while (end < n && p[order[end]] == score) {
          groupTp += fake[order[end]] ? 1 : 0;
          end++;
        }
        // Descending positions [start, end) are ascending ranks n-end+1 .. n-start; ties share
        // their average rank, which is what makes Mann–Whitney count a tied pair as one half.
        double averageRank = (2.0 * n - start - end + 1) / 2.0;
        positiveRankSum += groupTp * averageRank;
        cumTp += groupTp;
        cumFp += (end - start) - groupTp;
        thresholds[groups] = score;
        tp[groups] = cumTp;
        fp[groups] = cumFp;
        groups++;
        start = end;
      }
      double auc =
          positives == 0 || negatives == 0
              ? Double.NaN
              : (positiveRankSum - positives * (positives + 1.0) / 2.0)
                  / ((double) positives * negatives);
      return new Sweep(
          Arrays.copyOf(thresholds, groups),
          Arrays.copyOf(tp, groups),
          Arrays.copyOf(fp, groups),
          positives,
          negatives,
          auc);
    }

    /**
     * Average precision, step-wise as scikit-learn's {@code average_precision_score}: the sum over
     * cuts of the recall gained times the precision at that cut. NaN with no fake article.
     */
    double averagePrecision() {
      if (positives == 0) {
        return Double.NaN;
      }
      double ap = 0.0;
      int previousTp = 0;
      for (int k = 0; k < thresholds.length; k++) {
        double recallGain = (double) (tp[k] - previousTp) / positives;
        ap += recallGain * tp[k] / (tp[k] + fp[k]);
        previousTp = tp[k];
      }
      return ap;
    }

    /** The ROC curve from (0, 0) through every cut; empty when a class is missing. */
    List<RocPoint> rocCurve() {
      if (positives == 0 || negatives == 0) {
        return List.of();
      }
      List<RocPoint> points = new ArrayList<>(thresholds.length + 1);
      points.add(new RocPoint(0.0, 0.0, Double.POSITIVE_INFINITY));
      for (int k = 0; k < thresholds.length; k++) {
        points.add(
            new RocPoint((double) fp[k] / negatives, (double) tp[k] / positives, thresholds[k]));
      }
      return points;
    }

    /**
     * The precision-recall curve from (recall 0, precision 1) through every cut, by decreasing
     * threshold; empty when there is no fake article.
     */
    List<PrPoint> prCurve() {
      if (positives == 0) {
        return List.of();
      }
      List<PrPoint> points = new ArrayList<>(thresholds.length + 1);
      points.add(new PrPoint(0.0, 1.0, Double.POSITIVE_INFINITY));
      for (int k = 0; k < thresholds.length; k++) {
        points.add(
            new PrPoint(
                (double) tp[k] / positives, (double) tp[k] / (tp[k] + fp[k]), thresholds[k]));
      }
      return points;
    }
  }

  /** Mean squared difference between the fake probability and the truth (1 for fake). */
  static double brier(double[] p, boolean[] fake) {
    double sum = 0.0;
    for (int i = 0; i < p.length; i++) {
      double d = p[i] - (fake[i] ? 1.0 : 0.0);
      sum += d * d;
    }
    return sum / p.length;
  }

  /**
   * Expected calibration error, exactly as the project's yardstick script: confidence is {@code
   * max(p, 1-p)}, the predicted class is fake when {@code p >= 0.5}; 15 equal-width bins over [0.5,
   * 1.0], the first closed {@code [0.5, e1]}, the others {@code (a, b]}; the sum over non-empty
   * bins of {@code count/n × |accuracy − mean confidence|}.
   */
  static double ece(double[] p, boolean[] fake) {
    double[] edges = edges(0.5, 1.0, BINS);
    int[] count = new int[BINS];
    double[] confidenceSum = new double[BINS];
    int[] correct = new int[BINS];
    for (int i = 0; i < p.length; i++) {
      double confidence = Math.max(p[i], 1.0 - p[i]);
      int bin = bin(confidence, edges);
      boolean calledFake = p[i] >= 0.5;
      count[bin]++;
      confidenceSum[bin] += confidence;
      correct[bin] += calledFake == fake[i] ? 1 : 0;
    }
    double ece = 0.0;
    for (int b = 0; b < BINS; b++) {
      if (count[b] > 0) {
        double accuracy = (double) correct[b] / count[b];
        double meanConfidence = confidenceSum[b] / count[b];
        ece += (double) count[b] / p.length * Math.abs(accuracy - meanConfidence);
      }
    }
    return ece;
  }

  /**
   * The reliability diagram's 15 equal-width bins of the fake probability over [0, 1], with the
   * same edge convention as {@link #ece}.
   */
  static List<ReliabilityBin> reliability(double[] p, boolean[] fake) {
    double[] edges = edges(0.0, 1.0, BINS);
    int[] count = new int[BINS];
    double[] probabilitySum = new double[BINS];
    int[] fakes = new int[BINS];
    for (int i = 0; i < p.length; i++) {
      int bin = bin(p[i], edges);
      count[bin]++;
      probabilitySum[bin] += p[i];
      fakes[bin] += fake[i] ? 1 : 0;
    }
    List<ReliabilityBin> bins = new ArrayList<>(BINS);
    for (int b = 0; b < BINS; b++) {
      boolean empty = count[b] == 0;
      bins.add(
          new ReliabilityBin(
              edges[b],
              edges[b + 1],
              count[b],
              empty ? Double.NaN : probabilitySum[b] / count[b],
              empty ? Double.NaN : (double) fakes[b] / count[b]));
    }
    return bins;
  }

  /**
   * Bin edges computed as numpy's {@code linspace} does ({@code i * step + lo}, last edge exactly
   * {@code hi}), so that values on an edge fall in the same bin as in the Python yardstick.
   */
  static double[] edges(double lo, double hi, int bins) {
    double step = (hi - lo) / bins;
    double[] edges = new double[bins + 1];
    for (int i = 0; i < bins; i++) {
      edges[i] = i * step + lo;
    }
    edges[bins] = hi;
    return edges;
  }

  /** The first bin whose upper edge is at least {@code value}: bins (a, b], the first closed. */
  static int bin(double value, double[] edges) {
    int bins = edges.length - 1;
    for (int b = 0; b < bins - 1; b++) {
      if (value <= edges[b + 1]) {
        return b;
      }
    }
    return bins - 1;
  }
}
