package dev.vera.model;

import dev.vera.eval.Evaluator;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

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
    Evaluator.requireProbabilities(p);
    double t = best(p, fake, null, ThresholdChoice::macroF1);
    return Math.min(0.99, Math.max(0.01, t));
  }

  /**
   * The cut on {@code score} (any scale) that maximizes macro-F1 when {@code score >= cut} means
   * fake and each item counts {@code weight[i]} times; cut halfway between consecutive distinct
   * scores, below the lowest one when calling everything fake wins.
   */
  public static double bestMacroF1(double[] score, boolean[] fake, double[] weight) {
    for (int i = 0; i < score.length; i++) {
      if (!Double.isFinite(score[i]) || !(weight[i] >= 0)) {
        throw new IllegalArgumentException(
            "scores and weights must be finite numbers; item "
                + i
                + " has score "
                + score[i]
                + ", weight "
                + weight[i]);
      }
    }
    return best(score, fake, weight, ThresholdChoice::macroF1);
  }

  private static double macroF1(double tp, double fp, double fn, double tn) {
    return (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2;
  }

  /**
   * The threshold maximizing the F1 of the positive class alone (check-worthy sentences, where only
   * the positive class is acted on), cut as {@link #bestMacroF1}.
   */
  public static double bestPositiveF1(double[] p, boolean[] positive) {
    Evaluator.requireProbabilities(p);
    return best(p, positive, null, (tp, fp, fn, tn) -> f1(tp, fp, fn));
  }

  /** Scores one cut from its confusion counts; higher is better. */
  @FunctionalInterface
  private interface Objective {
    double score(double tp, double fp, double fn, double tn);
  }

  private static double best(
      double[] p, boolean[] positive, double @Nullable [] weight, Objective objective) {
    int n = p.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    // Descending probability: moving the cut down turns items into predicted positive one by one.
    Arrays.sort(order, (x, y) -> Double.compare(p[y], p[x]));
    double positives = 0;
    double negatives = 0;
    for (int i = 0; i < n; i++) {
      double w = weight == null ? 1 : weight[i];
      if (positive[i]) {
        positives += w;
      } else {
        negatives += w;
      }
    }
    double tp = 0;
    double fp = 0;
    double best = -1;
    double bestThreshold = 0.5;
    for (int k = 0; k < n; k++) {
      int i = order[k];
      double w = weight == null ? 1 : weight[i];
      if (positive[i]) {
        tp += w;
      } else {
        fp += w;
      }
      boolean lastOfTie = k == n - 1 || p[order[k + 1]] < p[i];
      if (!lastOfTie) {
        continue;
      }
      double score = objective.score(tp, fp, positives - tp, negatives - fp);
      if (score > best) {
        best = score;
        double next = k == n - 1 ? (weight == null ? 0 : p[i] - 1) : p[order[k + 1]];
        bestThreshold = (p[i] + next) / 2;
      }
    }
    return bestThreshold;
  }

  private static double f1(double tp, double fp, double fn) {
    double denom = 2 * tp + fp + fn;
    return denom == 0 ? 0 : 2.0 * tp / denom;
  }
}
