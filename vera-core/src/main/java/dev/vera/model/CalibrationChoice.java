package dev.vera.model;

import dev.vera.article.Label;
import dev.vera.eval.StratifiedKFold;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The Platt calibrator kept, and how it was chosen, for the model card. Platt scaling is fitted on
 * the validation part, or, when the training articles have out-of-fold scores, possibly on those
 * (many points, and the validation part stays unseen): the one with the lower validation log-loss
 * is kept, the validation part's own fit being judged by 2-fold cross-validation within it so that
 * neither is scored in-sample. Every fit weighs articles as training did and carries each corpus's
 * offset from the reference rate.
 */
record CalibrationChoice(PlattCalibrator calibrator, String description) {

  static CalibrationChoice choose(
      ScoreStacker.StackedScores stacked, TrainingRows rows, ValidationRows valid, long seed) {
    double[] validScore = stacked.valid();
    PlattCalibrator onValid =
        PlattCalibrator.fit(validScore, valid.fake(), valid.weights(), valid.offsets());
    if (stacked.train() == null) {
      return new CalibrationChoice(onValid, "platt on the validation part");
    }
    PlattCalibrator crossFitted =
        PlattCalibrator.fit(stacked.train(), rows.fake(), rows.weights(), rows.offsets());
    double total = 0;
    for (double w : valid.weights()) {
      total += w;
    }
    double crossLoss = logLoss(crossFitted, validScore, valid, null, -1) / total;
    double validLoss = crossValidatedLoss(validScore, valid, seed) / total;
    String losses =
        String.format(
            Locale.ROOT,
            "validation log-loss %.4f (out-of-fold training scores) vs %.4f (validation part)",
            crossLoss,
            validLoss);
    if (crossLoss <= validLoss) {
      return new CalibrationChoice(
          crossFitted, "platt on 5-fold out-of-fold training scores; " + losses);
    }
    return new CalibrationChoice(onValid, "platt on the validation part; " + losses);
  }

  /** The weighted log-loss of Platt fits on validation halves, each judged on the other half. */
  private static double crossValidatedLoss(double[] validScore, ValidationRows valid, long seed) {
    List<Label> validLabels = new ArrayList<>();
    for (boolean f : valid.fake()) {
      validLabels.add(f ? Label.FAKE : Label.REAL);
    }
    int[] halves = StratifiedKFold.assignFolds(validLabels, 2, seed);
    double loss = 0;
    for (int h = 0; h < 2; h++) {
      boolean[] keep = new boolean[valid.size()];
      for (int i = 0; i < keep.length; i++) {
        keep[i] = halves[i] != h;
      }
      PlattCalibrator half =
          PlattCalibrator.fit(
              select(validScore, keep), select(valid.fake(), keep),
              select(valid.weights(), keep), select(valid.offsets(), keep));
      loss += logLoss(half, validScore, valid, halves, h);
    }
    return loss;
  }

  private static double[] select(double[] values, boolean[] keep) {
    double[] out = new double[values.length];
    int n = 0;
    for (int i = 0; i < values.length; i++) {
      if (keep[i]) {
        out[n++] = values[i];
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static boolean[] select(boolean[] values, boolean[] keep) {
    boolean[] out = new boolean[values.length];
    int n = 0;
    for (int i = 0; i < values.length; i++) {
      if (keep[i]) {
        out[n++] = values[i];
      }
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * Weighted log-loss of a calibrator on the validation articles (of one half, when {@code halves}
   * is given), each at its own corpus's base rate.
   */
  private static double logLoss(
      PlattCalibrator cal,
      double[] score,
      ValidationRows valid,
      int @Nullable [] halves,
      int half) {
    double loss = 0;
    for (int i = 0; i < valid.size(); i++) {
      if (halves != null && halves[i] != half) {
        continue;
      }
      double p = LogisticFit.sigmoid(cal.logOdds(score[i]) + valid.offsets()[i]);
      p = Math.min(1 - 1e-12, Math.max(1e-12, p));
      loss -= valid.weights()[i] * (valid.fake()[i] ? Math.log(p) : Math.log(1 - p));
    }
    return loss;
  }
}
