package dev.vera.eval;

import dev.vera.article.Label;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes an {@link Evaluation} from scored articles, fake being the positive class.
 *
 * <p>Decision metrics (accuracy, per-class figures, macro-F1, confusion matrix, baseline) use the
 * caller's decisions {@link ScoredArticle#predicted()}; ranking and calibration metrics use the
 * probabilities only:
 *
 * <ul>
 *   <li>ROC-AUC is the Mann–Whitney statistic with average ranks for ties (a tied fake/real pair
 *       counts one half); NaN when only one class is present.
 *   <li>PR-AUC is scikit-learn's {@code average_precision_score}: articles are cut at every
 *       distinct probability (equal probabilities form one cut) and AP = Σ (R_k − R_{k−1}) P_k.
 *   <li>ECE, matching the project's yardstick script: confidence = max(p, 1 − p); the predicted
 *       class is fake when p ≥ 0.5 (not the decision threshold: ECE judges the probability, not the
 *       decision); 15 equal-width bins over [0.5, 1.0], the first {@code [0.5, e1]} and the others
 *       {@code (a, b]}; ECE = Σ over non-empty bins of (bin count / n) × |accuracy in bin − mean
 *       confidence in bin|.
 *   <li>Brier is the mean of (p − y)² with y = 1 for fake.
 *   <li>Macro-F1 is the mean of the two classes' F1, with F1 = 0 when precision + recall = 0.
 * </ul>
 */
public final class Evaluator {

  /** Sources with fewer articles say nothing reliable about the publisher. */
  static final int MIN_SOURCE_ARTICLES = 5;

  static final int MAX_SOURCES = 50;

  private Evaluator() {}

  /**
   * Refuses probabilities that are not numbers in [0, 1] (NaN, infinities), naming the first one:
   * sorting and tie groups assume every probability equals itself.
   *
   * @throws IllegalArgumentException naming the position and value of the first bad probability
   */
  public static void requireProbabilities(double[] p) {
    for (int i = 0; i < p.length; i++) {
      if (!(p[i] >= 0.0 && p[i] <= 1.0)) {
        throw new IllegalArgumentException(
            "probability "
                + (i + 1)
                + " of "
                + p.length
                + " is "
                + p[i]
                + ", not a number in [0, 1]");
      }
    }
  }

  /**
   * Evaluates {@code scored} without per-source figures.
   *
   * @param scored the scored articles, at least one
   * @param threshold the decision threshold the caller used, in [0, 1], recorded for the report
   * @param majorityLabel the majority label of the training data, which the baseline predicts
   * @throws IllegalArgumentException when {@code scored} is empty or the threshold is out of range
   */
  public static Evaluation evaluate(
      List<ScoredArticle> scored, double threshold, Label majorityLabel) {
    return evaluate(scored, threshold, majorityLabel, false);
  }

  /**
   * Evaluates {@code scored}; with {@code perSource}, adds the {@value #MAX_SOURCES} largest
   * sources having at least {@value #MIN_SOURCE_ARTICLES} articles, by decreasing article count.
   *
   * @throws IllegalArgumentException when {@code scored} is empty or the threshold is out of range
   */
  public static Evaluation evaluate(
      List<ScoredArticle> scored, double threshold, Label majorityLabel, boolean perSource) {
    Objects.requireNonNull(scored, "scored");
    Objects.requireNonNull(majorityLabel, "majorityLabel");
    if (scored.isEmpty()) {
      throw new IllegalArgumentException("cannot evaluate an empty list of articles");
    }
    if (!(threshold >= 0.0 && threshold <= 1.0)) {
      throw new IllegalArgumentException("threshold must be in [0, 1], was " + threshold);
    }
    int n = scored.size();
    double[] p = new double[n];
    boolean[] fake = new boolean[n];
    List<Label> truths = new ArrayList<>(n);
    List<Label> predictions = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ScoredArticle a = scored.get(i);
      p[i] = a.probabilityFake();
      fake[i] = a.truth() == Label.FAKE;
      truths.add(a.truth());
      predictions.add(a.predicted());
    }

    ConfusionMatrix matrix = ConfusionMatrix.of(truths, predictions);
    ConfusionMatrix baselineMatrix =
        ConfusionMatrix.of(truths, Collections.nCopies(n, majorityLabel));
    Metrics.Sweep sweep = Metrics.Sweep.of(p, fake);
    return new Evaluation(
        n,
        threshold,
        matrix.accuracy(),
        matrix.macroF1(),
        List.of(matrix.classReport(Label.FAKE), matrix.classReport(Label.REAL)),
        sweep.auc(),
        sweep.averagePrecision(),
        Metrics.ece(p, fake),
        Metrics.brier(p, fake),
        matrix,
        new Baseline(majorityLabel, baselineMatrix.accuracy(), baselineMatrix.macroF1()),
        Metrics.reliability(p, fake),
        sweep.rocCurve(),
        sweep.prCurve(),
        perSource ? perSource(scored) : null);
  }

  private static List<SourceReport> perSource(List<ScoredArticle> scored) {
    Map<String, List<ScoredArticle>> bySource = new LinkedHashMap<>();
    for (ScoredArticle a : scored) {
      if (a.source() != null && !a.source().isBlank()) {
        bySource.computeIfAbsent(a.source(), s -> new ArrayList<>()).add(a);
      }
    }
    List<SourceReport> reports = new ArrayList<>();
    bySource.forEach(
        (source, articles) -> {
          if (articles.size() >= MIN_SOURCE_ARTICLES) {
            reports.add(sourceReport(source, articles));
          }
        });
    // Name as tie-break keeps the report stable from run to run.
    reports.sort(
        Comparator.comparingInt(SourceReport::n).reversed().thenComparing(SourceReport::source));
    return reports.size() > MAX_SOURCES ? reports.subList(0, MAX_SOURCES) : reports;
  }

  private static SourceReport sourceReport(String source, List<ScoredArticle> articles) {
    int fakes = 0;
    int correct = 0;
    double probabilitySum = 0.0;
    for (ScoredArticle a : articles) {
      fakes += a.truth() == Label.FAKE ? 1 : 0;
      correct += a.truth() == a.predicted() ? 1 : 0;
      probabilitySum += a.probabilityFake();
    }
    int n = articles.size();
    return new SourceReport(
        source, n, (double) fakes / n, probabilitySum / n, (double) correct / n);
  }
}
