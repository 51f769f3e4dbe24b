package dev.vera.eval;

import dev.vera.article.Label;
import java.util.List;
import java.util.Objects;

/**
 * Counts of decisions with fake as the positive class; laid out as truth rows × predicted columns
 * in the order {@link #LABELS} (fake, real): {@code [[tp, fn], [fp, tn]]}.
 *
 * @param tp fake articles predicted fake
 * @param fn fake articles predicted real
 * @param fp real articles predicted fake
 * @param tn real articles predicted real
 */
public record ConfusionMatrix(int tp, int fn, int fp, int tn) {

  /** Row and column order of {@link #matrix()}: fake first, as the positive class. */
  public static final List<Label> LABELS = List.of(Label.FAKE, Label.REAL);

  /** Rejects negative counts. */
  public ConfusionMatrix {
    if (tp < 0 || fn < 0 || fp < 0 || tn < 0) {
      throw new IllegalArgumentException(
          "confusion counts must be non-negative: tp="
              + tp
              + " fn="
              + fn
              + " fp="
              + fp
              + " tn="
              + tn);
    }
  }

  /** Counts the decisions of a list of (truth, predicted) pairs given as two parallel lists. */
  static ConfusionMatrix of(List<Label> truths, List<Label> predictions) {
    int tp = 0;
    int fn = 0;
    int fp = 0;
    int tn = 0;
    for (int i = 0; i < truths.size(); i++) {
      boolean fake = truths.get(i) == Label.FAKE;
      boolean calledFake = predictions.get(i) == Label.FAKE;
      if (fake) {
        if (calledFake) {
          tp++;
        } else {
          fn++;
        }
      } else if (calledFake) {
        fp++;
      } else {
        tn++;
      }
    }
    return new ConfusionMatrix(tp, fn, fp, tn);
  }

  /** The number of articles of class {@code truth} that were predicted {@code predicted}. */
  public int count(Label truth, Label predicted) {
    Objects.requireNonNull(truth, "truth");
    Objects.requireNonNull(predicted, "predicted");
    if (truth == Label.FAKE) {
      return predicted == Label.FAKE ? tp : fn;
    }
    return predicted == Label.FAKE ? fp : tn;
  }

  /** The number of articles counted. */
  public int total() {
    return tp + fn + fp + tn;
  }

  /** The number of articles truly of {@code label}. */
  public int support(Label label) {
    return count(label, Label.FAKE) + count(label, Label.REAL);
  }

  /** The share of correct decisions; NaN when the matrix is empty. */
  public double accuracy() {
    int total = total();
    return total == 0 ? Double.NaN : (double) (tp + tn) / total;
  }

  /** Precision, recall and F1 of {@code label} taken as the positive class. */
  public ClassReport classReport(Label label) {
    Label other = label == Label.FAKE ? Label.REAL : Label.FAKE;
    int hits = count(label, label);
    int missed = count(label, other);
    int falseAlarms = count(other, label);
    double precision = ratio(hits, hits + falseAlarms);
    double recall = ratio(hits, hits + missed);
    double f1 = precision + recall == 0.0 ? 0.0 : 2.0 * precision * recall / (precision + recall);
    return new ClassReport(label, precision, recall, f1, hits + missed);
  }

  /** The mean of the two classes' F1, so that the majority class cannot carry the score alone. */
  public double macroF1() {
    return (classReport(Label.FAKE).f1() + classReport(Label.REAL).f1()) / 2.0;
  }

  /** The counts as truth rows × predicted columns, in {@link #LABELS} order. */
  public int[][] matrix() {
    return new int[][] {{tp, fn}, {fp, tn}};
  }

  private static double ratio(int numerator, int denominator) {
    return denominator == 0 ? 0.0 : (double) numerator / denominator;
  }
}
