package dev.vera.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts for {@link ReportPage}. Each chart draws in a fixed viewBox and is scaled by
 * CSS, so one drawing serves phone and desktop; colours come from the page's CSS classes, so the
 * charts follow its light or dark theme.
 */
final class Charts {

  /** Curves have a point per distinct score; more than this only makes the page heavy. */
  static final int MAX_POINTS = 400;

  private static final double WIDTH = 300;
  private static final double LEFT = 46;
  private static final double TOP = 12;
  private static final double SIZE = 240;
  private static final double BOTTOM = TOP + SIZE;
  private static final double[] TICKS = {0.0, 0.25, 0.5, 0.75, 1.0};
  private static final String[] TICK_LABELS = {"0", "0.25", "0.5", "0.75", "1"};

  private static final double HISTOGRAM_TOP = BOTTOM + 26;
  private static final double HISTOGRAM_HEIGHT = 40;

  private Charts() {}

  /**
   * The reliability diagram: per bin, a bar of the observed fake fraction over the bin's width and
   * a point at (mean predicted, observed), against the diagonal of perfect calibration; under it a
   * histogram of how many articles each bin holds, since a bin of three articles proves little.
   */
  static String reliability(List<ReliabilityBin> bins) {
    double height = HISTOGRAM_TOP + HISTOGRAM_HEIGHT + 30;
    StringBuilder s =
        open(height, "Reliability diagram: observed fake fraction per probability bin");
    frame(s);
    diagonal(s);
    int maxCount = 1;
    for (ReliabilityBin b : bins) {
      maxCount = Math.max(maxCount, b.count());
    }
    List<String> points = new ArrayList<>();
    for (ReliabilityBin b : bins) {
      String tip =
          Format.fixed(b.lower(), 3)
              + "–"
              + Format.fixed(b.upper(), 3)
              + ": "
              + b.count()
              + " articles";
      double barHeight = HISTOGRAM_HEIGHT * b.count() / maxCount;
      s.append(
          rect(
              "hist",
              x(b.lower()) + 0.5,
              HISTOGRAM_TOP + HISTOGRAM_HEIGHT - barHeight,
              x(b.upper()) - x(b.lower()) - 1,
              barHeight,
              tip));
      if (b.count() == 0) {
        continue;
      }
      tip +=
          ", mean predicted "
              + Format.fixed(b.meanPredicted(), 3)
              + ", observed fake "
              + Format.fixed(b.observedFakeFraction(), 3);
      double top = y(b.observedFakeFraction());
      s.append(
          rect("bar", x(b.lower()) + 0.5, top, x(b.upper()) - x(b.lower()) - 1, BOTTOM - top, tip));
      points.add(num(x(b.meanPredicted())) + "," + num(top));
    }
    if (!points.isEmpty()) {
      s.append("<polyline class=\"curve\" points=\"")
          .append(String.join(" ", points))
          .append("\"/>");
      for (String p : points) {
        String[] xy = p.split(",");
        s.append("<circle class=\"pt\" cx=\"")
            .append(xy[0])
            .append("\" cy=\"")
            .append(xy[1])
            .append("\" r=\"3\"/>");
      }
    }
    s.append(text("tick", LEFT - 6, HISTOGRAM_TOP + 8, "end", "count"));
    s.append(
        line(
            "frame",
            LEFT,
            HISTOGRAM_TOP + HISTOGRAM_HEIGHT,
            LEFT + SIZE,
            HISTOGRAM_TOP + HISTOGRAM_HEIGHT));
    axisTitles(
        s,
        "mean predicted probability of fake",
        "observed fake fraction",
        HISTOGRAM_TOP + HISTOGRAM_HEIGHT + 20);
    return close(s);
  }

  /** The ROC curve through its points, against the diagonal of a random ranking. */
  static String roc(List<RocPoint> curve) {
    StringBuilder s =
        open(BOTTOM + 44, "ROC curve: true-positive rate against false-positive rate");
    frame(s);
    diagonal(s);
    StringBuilder d = new StringBuilder();
    for (RocPoint p : downsample(curve, MAX_POINTS)) {
      d.append(d.length() == 0 ? "M" : " L")
          .append(num(x(p.fpr())))
          .append(' ')
          .append(num(y(p.tpr())));
    }
    s.append("<path class=\"curve\" d=\"").append(d).append("\"/>");
    axisTitles(
        s,
        "false-positive rate (real called fake)",
        "true-positive rate (fakes caught)",
        BOTTOM + 34);
    return close(s);
  }

  /**
   * The precision-recall curve of the fake class, drawn as steps (the precision of each cut holds
   * over the recall it gains, which is what average precision sums), with the prevalence line that
   * a random ranking would follow.
   */
  static String precisionRecall(List<PrPoint> curve, double prevalence) {
    StringBuilder s = open(BOTTOM + 44, "Precision-recall curve of the fake class");
    frame(s);
    if (!Double.isNaN(prevalence)) {
      s.append(line("ref", x(0), y(prevalence), x(1), y(prevalence)));
      s.append(
          text(
              "tick",
              x(1) - 4,
              y(prevalence) - 4,
              "end",
              "prevalence " + Format.fixed(prevalence, 3)));
    }
    StringBuilder d = new StringBuilder();
    PrPoint previous = null;
    for (PrPoint p : downsample(curve, MAX_POINTS)) {
      if (previous == null) {
        d.append('M').append(num(x(p.recall()))).append(' ').append(num(y(p.precision())));
      } else {
        d.append(" V").append(num(y(p.precision()))).append(" H").append(num(x(p.recall())));
      }
      previous = p;
    }
    s.append("<path class=\"curve\" d=\"").append(d).append("\"/>");
    axisTitles(s, "recall (fakes caught)", "precision (called fake that are fake)", BOTTOM + 34);
    return close(s);
  }

  /** At most {@code max} evenly spaced points, always keeping the first and the last. */
  static <T> List<T> downsample(List<T> points, int max) {
    if (points.size() <= max) {
      return points;
    }
    List<T> kept = new ArrayList<>(max);
    for (int i = 0; i < max; i++) {
      kept.add(points.get((int) Math.round((double) i * (points.size() - 1) / (max - 1))));
    }
    return kept;
  }

  private static StringBuilder open(double height, String label) {
    StringBuilder s = new StringBuilder(4096);
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(num(WIDTH))
        .append(' ')
        .append(num(height))
        .append("\" role=\"img\" aria-label=\"")
        .append(Format.escape(label))
        .append("\">");
    return s;
  }

  private static String close(StringBuilder s) {
    return s.append("</svg>").toString();
  }

  private static void frame(StringBuilder s) {
    for (int i = 0; i < TICKS.length; i++) {
      double t = TICKS[i];
      s.append(line("grid", x(t), TOP, x(t), BOTTOM));
      s.append(line("grid", LEFT, y(t), LEFT + SIZE, y(t)));
      s.append(text("tick", x(t), BOTTOM + 14, "middle", TICK_LABELS[i]));
      s.append(text("tick", LEFT - 6, y(t) + 3.5, "end", TICK_LABELS[i]));
    }
    s.append("<rect class=\"frame\" x=\"")
        .append(num(LEFT))
        .append("\" y=\"")
        .append(num(TOP))
        .append("\" width=\"")
        .append(num(SIZE))
        .append("\" height=\"")
        .append(num(SIZE))
        .append("\"/>");
  }

  private static void diagonal(StringBuilder s) {
    s.append(line("ref", x(0), y(0), x(1), y(1)));
  }

  private static void axisTitles(StringBuilder s, String xTitle, String yTitle, double xTitleY) {
    s.append(text("axis", LEFT + SIZE / 2, xTitleY, "middle", xTitle));
    s.append("<text class=\"axis\" text-anchor=\"middle\" transform=\"translate(12 ")
        .append(num(TOP + SIZE / 2))
        .append(") rotate(-90)\">")
        .append(Format.escape(yTitle))
        .append("</text>");
  }

  private static String line(String cls, double x1, double y1, double x2, double y2) {
    return "<line class=\""
        + cls
        + "\" x1=\""
        + num(x1)
        + "\" y1=\""
        + num(y1)
        + "\" x2=\""
        + num(x2)
        + "\" y2=\""
        + num(y2)
        + "\"/>";
  }

  private static String rect(String cls, double x, double y, double w, double h, String tip) {
    return "<rect class=\""
        + cls
        + "\" x=\""
        + num(x)
        + "\" y=\""
        + num(y)
        + "\" width=\""
        + num(Math.max(0, w))
        + "\" height=\""
        + num(Math.max(0, h))
        + "\"><title>"
        + Format.escape(tip)
        + "</title></rect>";
  }

  private static String text(String cls, double x, double y, String anchor, String content) {
    return "<text class=\""
        + cls
        + "\" x=\""
        + num(x)
        + "\" y=\""
        + num(y)
        + "\" text-anchor=\""
        + anchor
        + "\">"
        + Format.escape(content)
        + "</text>";
  }

  private static double x(double value) {
    return LEFT + clamp(value) * SIZE;
  }

  private static double y(double value) {
    return TOP + (1.0 - clamp(value)) * SIZE;
  }

  private static double clamp(double v) {
    return Double.isNaN(v) ? 0.0 : Math.max(0.0, Math.min(1.0, v));
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
