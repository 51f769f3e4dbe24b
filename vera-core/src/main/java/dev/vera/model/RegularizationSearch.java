package dev.vera.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The choice of the text model's C: a fit at every candidate, kept when its validation scores rank
 * best within each corpus (mean ROC-AUC over corpora), a higher validation macro-F1 breaking ties
 * within 0.001.
 */
final class RegularizationSearch {
  private static final double TIE = 1e-3;

  private final List<Double> grid;

  /**
   * @param grid the candidate values of C, tried in increasing order
   */
  RegularizationSearch(List<Double> grid) {
    this.grid = grid.stream().sorted().toList();
  }

  LexicalFit search(TrainingRows rows, ValidationRows valid, ProgressListener progress) {
    List<ModelCard.CandidateScore> tried = new ArrayList<>();
    LexicalFit best = null;
    double bestAuc = Double.NEGATIVE_INFINITY;
    double bestF1 = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < grid.size(); k++) {
      double c = grid.get(k);
      progress.update("fitting C=" + c, k, grid.size());
      // Each fit starts from zero: from a nearby C's solution the stopping rule (relative to
      // the gradient at zero) would be met before the weights moved.
      double[] w = rows.fit(c, null, null);
      double[] raw = new double[valid.size()];
      for (int i = 0; i < raw.length; i++) {
        raw[i] = TrainingRows.textScore(valid.x(), i, w, rows.dims());
      }
      double auc = valid.meanRocAuc(raw);
      double f1 = bestMacroF1(raw, valid);
      tried.add(new ModelCard.CandidateScore(c, f1, auc));
      if (best == null || auc > bestAuc + TIE || (Math.abs(auc - bestAuc) <= TIE && f1 > bestF1)) {
        best = new LexicalFit(c, w, rows.dims(), raw, List.of());
        bestAuc = auc;
        bestF1 = f1;
      }
    }
    progress.update("fitting", grid.size(), grid.size());
    return new LexicalFit(
        best.c(), best.weights(), best.dims(), best.validRaw(), List.copyOf(tried));
  }

  /**
   * The best macro-F1 any cut of the raw scores reaches on the (corpus-weighted) validation part.
   */
  static double bestMacroF1(double[] raw, ValidationRows valid) {
    double cut = ThresholdChoice.bestMacroF1(raw, valid.fake(), valid.weights());
    double tp = 0;
    double fp = 0;
    double fn = 0;
    double tn = 0;
    for (int i = 0; i < raw.length; i++) {
      boolean calledFake = raw[i] >= cut;
      double w = valid.weights()[i];
      if (valid.fake()[i]) {
        tp += calledFake ? w : 0;
        fn += calledFake ? 0 : w;
      } else {
        fp += calledFake ? w : 0;
        tn += calledFake ? 0 : w;
      }
    }
    return (2 * tp / Math.max(1e-12, 2 * tp + fp + fn) + 2 * tn / Math.max(1e-12, 2 * tn + fn + fp))
        / 2;
  }
}
