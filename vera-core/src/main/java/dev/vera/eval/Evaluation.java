package dev.vera.eval;

import dev.vera.article.Label;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The full evaluation of a classifier on a set of labelled articles, fake being the positive class.
 * Made by {@link Evaluator}; undefined figures (e.g. ROC-AUC with one class) are NaN.
 *
 * @param n number of articles
 * @param threshold the decision threshold the caller used, for the record
 * @param accuracy share of correct decisions
 * @param macroF1 mean of the two classes' F1
 * @param perClass reports of {@link Label#FAKE} then {@link Label#REAL}
 * @param rocAuc area under the ROC curve (Mann–Whitney, ties count one half), NaN with one class
 * @param prAuc average precision of the fake class (scikit-learn's), NaN without fake articles
 * @param ece expected calibration error of the probabilities: confidence max(p, 1 − p), predicted
 *     fake when p ≥ 0.5 (not the decision threshold), 15 equal-width bins over [0.5, 1] (the first
 *     [0.5, e1], the others (a, b]), Σ (bin count / n) × |bin accuracy − bin mean confidence|
 * @param brier mean squared error of the fake probability
 * @param confusionMatrix decision counts
 * @param baseline the majority-label baseline on the same articles
 * @param reliability 15 equal-width probability bins over [0, 1]
 * @param roc ROC curve points, empty with one class
 * @param pr precision-recall curve points, empty without fake articles
 * @param perSource per-publisher figures, or null when not asked for
 */
public record Evaluation(
    int n,
    double threshold,
    double accuracy,
    double macroF1,
    List<ClassReport> perClass,
    double rocAuc,
    double prAuc,
    double ece,
    double brier,
    ConfusionMatrix confusionMatrix,
    Baseline baseline,
    List<ReliabilityBin> reliability,
    List<RocPoint> roc,
    List<PrPoint> pr,
    @Nullable List<SourceReport> perSource) {

  /** Copies the lists, and requires one class report per label. */
  public Evaluation {
    perClass = List.copyOf(perClass);
    Objects.requireNonNull(confusionMatrix, "confusionMatrix");
    Objects.requireNonNull(baseline, "baseline");
    reliability = List.copyOf(reliability);
    roc = List.copyOf(roc);
    pr = List.copyOf(pr);
    perSource = perSource == null ? null : List.copyOf(perSource);
    for (Label label : Label.values()) {
      if (perClass.stream().filter(r -> r.label() == label).count() != 1) {
        throw new IllegalArgumentException("perClass needs exactly one report for " + label);
      }
    }
  }

  /** The report of one class. */
  public ClassReport perClass(Label label) {
    Objects.requireNonNull(label, "label");
    return perClass.stream()
        .filter(r -> r.label() == label)
        .findFirst()
        .orElseThrow(); // the constructor guarantees one per label
  }

  /** The share of fake articles: the precision of a random ranking, for the PR chart. */
  public double fakePrevalence() {
    return n == 0 ? Double.NaN : (double) perClass(Label.FAKE).support() / n;
  }

  /** This evaluation as pretty-printed JSON with snake_case keys; NaN and infinities are null. */
  public String toJson() {
    return EvaluationJson.write(this);
  }
}
