package dev.vera.model;

import dev.vera.article.Article;
import dev.vera.article.Label;
import java.util.List;

/**
 * The source evidence: outlet reputations learned from the training articles (with published
 * ratings for outlets unseen), their smoothing chosen on validation, their combination with the
 * calibrated text log-odds fitted on validation, and the decision curve of the combination.
 */
final class SourceEvidenceFitter {
  /** The smoothing when no candidates are given. */
  private static final double DEFAULT_SMOOTHING = 10.0;

  private final OutletRatings ratings;
  private final List<Double> smoothingGrid;

  SourceEvidenceFitter(OutletRatings ratings, List<Double> smoothingGrid) {
    this.ratings = ratings;
    this.smoothingGrid = List.copyOf(smoothingGrid);
  }

  /** The source evidence: reputation tables, their combination with the text, its cut. */
  record SourceEvidenceFit(
      SourceReputation reputation,
      SourceCombiner combiner,
      DecisionCurve curve,
      double threshold) {}

  /**
   * @param text the validation articles' calibrated text log-odds, their curve's corpora
   * @param referenceRate the base rate the log-odds are calibrated at
   */
  SourceEvidenceFit fit(
      TrainingRows rows, ValidationRows valid, CalibratedValidation text, double referenceRate) {
    SourceReputation learned =
        SourceReputation.learn(rows.articles(), 1, ratings, rows.weights(), rows.offsets());
    SourceReputation reputation = learned.withSmoothing(chooseSmoothing(learned, valid.articles()));
    double[] logOdds = text.logOdds();
    double[][] inputs = new double[valid.size()][];
    for (int i = 0; i < valid.size(); i++) {
      inputs[i] =
          SourceCombiner.inputs(
              logOdds[i], reputation.evidence(valid.articles().get(i)), reputation.prior());
    }
    SourceCombiner combiner =
        SourceCombiner.fit(inputs, valid.fake(), valid.weights(), valid.offsets());
    double[] combined = new double[valid.size()];
    for (int i = 0; i < combined.length; i++) {
      combined[i] =
          combiner.logOdds(
              logOdds[i], reputation.evidence(valid.articles().get(i)), reputation.prior());
    }
    DecisionCurve curve = valid.curve(combined, referenceRate, text.corpora());
    return new SourceEvidenceFit(reputation, combiner, curve, curve.threshold(referenceRate));
  }

  /** The smoothing with the lowest log-loss of source-only predictions on validation. */
  private double chooseSmoothing(SourceReputation learned, List<Article> valid) {
    double bestLoss = Double.POSITIVE_INFINITY;
    double best = smoothingGrid.isEmpty() ? DEFAULT_SMOOTHING : smoothingGrid.get(0);
    for (double alpha : smoothingGrid) {
      SourceReputation rep = learned.withSmoothing(alpha);
      double loss = 0;
      for (Article a : valid) {
        double p = Math.min(1 - 1e-6, Math.max(1e-6, rep.evidence(a).fakeRate()));
        loss -= a.label() == Label.FAKE ? Math.log(p) : Math.log(1 - p);
      }
      if (loss < bestLoss - 1e-9) {
        bestLoss = loss;
        best = alpha;
      }
    }
    return best;
  }
}
