package dev.vera.eval;

import dev.vera.article.Label;
import java.util.List;
import java.util.Locale;

/** Renders an {@link Evaluation} as an aligned plain-text report for a terminal. */
public final class EvaluationTable {

  /** Beyond this the terminal report stops being readable; the JSON has all sources. */
  static final int MAX_SOURCE_ROWS = 15;

  private static final int MAX_SOURCE_WIDTH = 40;

  private EvaluationTable() {}

  /**
   * Returns the headline metrics (with the majority baseline beside accuracy and macro-F1), the
   * per-class table, the confusion matrix and, when computed, the 15 largest sources; lines end
   * with {@code \n}.
   */
  public static String render(Evaluation e) {
    StringBuilder out = new StringBuilder();
    headline(out, e);
    out.append('\n');
    perClass(out, e);
    out.append('\n');
    confusion(out, e.confusionMatrix());
    if (e.perSource() != null) {
      out.append('\n');
      sources(out, e.perSource());
    }
    return out.toString();
  }

  private static void headline(StringBuilder out, Evaluation e) {
    Baseline b = e.baseline();
    line(out, "%-10s %8s   %s", "metric", "model", "majority baseline (" + name(b.label()) + ")");
    // The baseline column is left-aligned under its long header; the figures all have one width.
    line(out, "%-10s %8s   %s", "accuracy", f4(e.accuracy()), f4(b.accuracy()));
    line(out, "%-10s %8s   %s", "macro-F1", f4(e.macroF1()), f4(b.macroF1()));
    line(out, "%-10s %8s", "ROC-AUC", f4(e.rocAuc()));
    line(out, "%-10s %8s", "PR-AUC", f4(e.prAuc()));
    line(out, "%-10s %8s", "ECE", f4(e.ece()));
    line(out, "%-10s %8s", "Brier", f4(e.brier()));
    line(out, "%-10s %8s", "threshold", f4(e.threshold()));
    line(out, "%-10s %8d", "n", e.n());
  }

  private static void perClass(StringBuilder out, Evaluation e) {
    line(out, "%-8s %9s %8s %8s %8s", "class", "precision", "recall", "F1", "support");
    for (Label label : ConfusionMatrix.LABELS) {
      ClassReport r = e.perClass(label);
      line(
          out,
          "%-8s %9s %8s %8s %8d",
          name(label),
          f4(r.precision()),
          f4(r.recall()),
          f4(r.f1()),
          r.support());
    }
  }

  private static void confusion(StringBuilder out, ConfusionMatrix m) {
    line(
        out,
        "%-14s %18s %18s",
        "",
        "predicted " + name(Label.FAKE),
        "predicted " + name(Label.REAL));
    for (Label truth : ConfusionMatrix.LABELS) {
      line(
          out,
          "%-14s %18d %18d",
          "truth " + name(truth),
          m.count(truth, Label.FAKE),
          m.count(truth, Label.REAL));
    }
  }

  private static void sources(StringBuilder out, List<SourceReport> sources) {
    List<SourceReport> shown = sources.subList(0, Math.min(MAX_SOURCE_ROWS, sources.size()));
    if (shown.isEmpty()) {
      line(out, "no source has %d or more articles", Evaluator.MIN_SOURCE_ARTICLES);
      return;
    }
    int width = "source".length();
    for (SourceReport s : shown) {
      width = Math.max(width, clip(s.source()).length());
    }
    String row = "%-" + width + "s %6s %11s %13s %9s";
    line(out, "top sources (by articles, at least %d each)", Evaluator.MIN_SOURCE_ARTICLES);
    line(out, row, "source", "n", "fake share", "mean p(fake)", "accuracy");
    for (SourceReport s : shown) {
      line(
          out,
          row,
          clip(s.source()),
          Integer.toString(s.n()),
          f4(s.fakeShare()),
          f4(s.meanProbabilityFake()),
          f4(s.accuracy()));
    }
  }

  /** The mark and wire name, e.g. {@code ✖ fake}, as the project's founding format writes it. */
  private static String name(Label label) {
    return label.mark() + " " + label.wireName();
  }

  private static String clip(String source) {
    return source.length() <= MAX_SOURCE_WIDTH
        ? source
        : source.substring(0, MAX_SOURCE_WIDTH - 1) + "…";
  }

  private static String f4(double value) {
    return Format.fixed(value, 4);
  }

  private static void line(StringBuilder out, String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args).stripTrailing()).append('\n');
  }
}
