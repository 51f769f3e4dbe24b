package dev.vera.model;

import java.util.Arrays;

/**
 * Chooses the decision threshold that maximizes macro-F1 on held-out probabilities. Fake is the
 * minority class in most corpora, so 0.5 is rarely the best cut for a balanced view of both
 * classes.
 */
public final class ThresholdChoice {
  private ThresholdChoice() {}

  /**
   * The threshold in (0, 1) that maximizes macro-F1 when {@code p >= threshold} means fake. Cuts
   * are placed halfway between consecutive distinct probabilities, so that the choice does not sit
   * exactly on one validation article.
   */
  public static double bestMacroF1(double[] p, boolean[] fake) {
    double t = best(p, fake, (tp, fp, fn, tn) -> (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2);
    return Math.min(0.99, Math.max(0.01, t));
  }

  /**
   * The threshold maximizing the F1 of the positive class alone (check-worthy sentences, where
   * only the positive class is acted on), cut as {@link #bestMacroF1}.
   */
  public static double bestPositiveF1(double[] p, boolean[] positive) {
    return best(p, positive, (tp, fp, fn, tn) -> f1(tp, fp, fn));
  }

  /** Scores one cut from its confusion counts; higher is better. */
  @FunctionalInterface
  private interface Objective {
    double score(int tp, int fp, int fn, int tn);
  }

  private static double best(double[] p, boolean[] positive, Objective objective) {
    dev.vera.eval.Evaluator.requireProbabilities(p);
    int n = p.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    // Descending probability: moving the cut down turns items into predicted positive one by one.
    Arrays.sort(order, (x, y) -> Double.compare(p[y], p[x]));
    int positives = 0;
    for (boolean b : positive) {
      if (b) {
        positives++;
      }
    }
    int negatives = n - positives;
    int tp = 0;
    int fp = 0;
    double best = -1;
    double bestThreshold = 0.5;
    for (int k = 0; k < n; k++) {
      int i = order[k];
      if (positive[i]) {
        tp++;
      } else {
        fp++;
      }
      boolean lastOfTie = k == n - 1 || p[order[k + 1]] < p[i];
      if (!lastOfTie) {
        continue;
      }
      double score = objective.score(tp, fp, positives - tp, negatives - fp);
      if (score > best) {
        best = score;
        double next = k == n - 1 ? 0 : p[order[k + 1]];
        bestThreshold = (p[i] + next) / 2;
      }
    }
    return bestThreshold;
  }

  private static double f1(int tp, int fp, int fn) {
    int denom = 2 * tp + fp + fn;
    return denom == 0 ? 0 : 2.0 * tp / denom;
  }
}
