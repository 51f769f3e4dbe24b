package dev.vera.scan;

import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link ScanSummary} as one small self-contained HTML page: counts, the histogram of
 * P(fake) as an inline SVG chart, and the sources with the largest share of fake verdicts. It loads
 * nothing from the network.
 */
public final class ScanReport {
  private static final double CHART_W = 600;
  private static final double CHART_H = 220;
  private static final double LEFT = 50;
  private static final double BOTTOM = 30;

  private ScanReport() {}

  /**
   * @param title what was scanned, shown as the page title (escaped)
   * @param threshold the decision threshold, drawn on the chart; NaN for none
   */
  public static String html(ScanSummary s, String title, double threshold) {
    StringBuilder h = new StringBuilder(8192);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
        .append("<title>Vera scan: ")
        .append(escape(title))
        .append("</title><style>")
        .append(
            "body{font:15px/1.5 system-ui,sans-serif;max-width:900px;margin:0 auto;padding:1rem;"
                + "color:#1c2330}h1{font-size:1.4rem;overflow-wrap:anywhere}"
                + ".cards{display:flex;gap:.75rem;flex-wrap:wrap}.card{background:#f3f5f8;"
                + "border-radius:8px;padding:.6rem 1rem;min-width:120px}.card .v{font-size:1.5rem;"
                + "font-weight:650}table{border-collapse:collapse;width:100%}th,td{padding:.3rem .5rem;"
                + "border-bottom:1px solid #dde2e8;text-align:right}th:first-child,td:first-child"
                + "{text-align:left}svg{width:100%;height:auto}.bar{fill:#2563eb;fill-opacity:.6}"
                + ".fk{fill:#c2410c;fill-opacity:.6}.t{font-size:10px;fill:#5d6878}"
                + ".thr{stroke:#1c2330;stroke-dasharray:4 3}.note{color:#5d6878;font-size:.9rem}")
        .append("</style></head><body><main>\n<h1>Vera scan: ")
        .append(escape(title))
        .append("</h1>\n<div class=\"cards\">");
    card(h, "records", s.records());
    card(h, "✔ credible", s.credible());
    card(h, "✖ fake", s.fake());
    card(h, "failed", s.failed());
    if (s.assessed() > 0) {
      card(h, "outside experience", s.outsideExperience());
    }
    h.append("</div>\n<h2>P(fake)</h2>\n").append(chart(s.histogram(), threshold));
    h.append("<p class=\"note\">Articles per bin of width ")
        .append(fmt(1.0 / ScanSummary.BINS))
        .append(
            Double.isNaN(threshold)
                ? ""
                : "; dashed line: the decision threshold " + fmt(threshold))
        .append(".</p>\n<h2>Sources with the largest share of ✖</h2>\n");
    List<ScanSummary.SourceShare> top = s.topFakeSources();
    if (top.isEmpty()) {
      h.append("<p class=\"note\">No source has ")
          .append(ScanSummary.MIN_SOURCE_ARTICLES)
          .append(" articles or more.</p>\n");
    } else {
      h.append("<table><thead><tr><th>source</th><th>articles</th><th>✖</th><th>share ✖</th>")
          .append("</tr></thead><tbody>\n");
      for (ScanSummary.SourceShare src : top) {
        h.append("<tr><td>")
            .append(escape(src.domain()))
            .append("</td><td>")
            .append(src.articles())
            .append("</td><td>")
            .append(src.fake())
            .append("</td><td>")
            .append(String.format(Locale.ROOT, "%.1f%%", 100 * src.fakeShare()))
            .append("</td></tr>\n");
      }
      h.append("</tbody></table>\n<p class=\"note\">Sources with at least ")
          .append(ScanSummary.MIN_SOURCE_ARTICLES)
          .append(" articles.</p>\n");
    }
    return h.append("</main></body></html>\n").toString();
  }

  private static void card(StringBuilder h, String key, long value) {
    h.append("<div class=\"card\"><div>")
        .append(key)
        .append("</div><div class=\"v\">")
        .append(value)
        .append("</div></div>");
  }

  private static String chart(long[] bins, double threshold) {
    long max = 1;
    for (long b : bins) {
      max = Math.max(max, b);
    }
    double plotW = CHART_W - LEFT - 10;
    double plotH = CHART_H - BOTTOM - 10;
    double barW = plotW / bins.length;
    StringBuilder s = new StringBuilder();
    s.append("<svg viewBox=\"0 0 ")
        .append(fmt(CHART_W))
        .append(' ')
        .append(fmt(CHART_H))
        .append("\" role=\"img\" aria-label=\"histogram of the probability of fake\">");
    for (int i = 0; i < bins.length; i++) {
      double h = plotH * bins[i] / max;
      double x = LEFT + i * barW;
      boolean fakeSide = !Double.isNaN(threshold) && (double) i / bins.length >= threshold;
      s.append("<rect class=\"")
          .append(fakeSide ? "fk" : "bar")
          .append("\" x=\"")
          .append(fmt(x + 1))
          .append("\" y=\"")
          .append(fmt(10 + plotH - h))
          .append("\" width=\"")
          .append(fmt(barW - 2))
          .append("\" height=\"")
          .append(fmt(h))
          .append("\"><title>")
          .append(fmt((double) i / bins.length))
          .append("–")
          .append(fmt((double) (i + 1) / bins.length))
          .append(": ")
          .append(bins[i])
          .append("</title></rect>");
    }
    for (int t = 0; t <= 4; t++) {
      double x = LEFT + plotW * t / 4;
      s.append("<text class=\"t\" x=\"")
          .append(fmt(x))
          .append("\" y=\"")
          .append(fmt(CHART_H - 12))
          .append("\" text-anchor=\"middle\">")
          .append(fmt(t / 4.0))
          .append("</text>");
    }
    s.append("<text class=\"t\" x=\"")
        .append(fmt(LEFT - 6))
        .append("\" y=\"16\" text-anchor=\"end\">")
        .append(max)
        .append("</text><text class=\"t\" x=\"")
        .append(fmt(LEFT - 6))
        .append("\" y=\"")
        .append(fmt(10 + plotH))
        .append("\" text-anchor=\"end\">0</text>");
    if (!Double.isNaN(threshold)) {
      double x = LEFT + plotW * threshold;
      s.append("<line class=\"thr\" x1=\"")
          .append(fmt(x))
          .append("\" x2=\"")
          .append(fmt(x))
          .append("\" y1=\"10\" y2=\"")
          .append(fmt(10 + plotH))
          .append("\"/>");
    }
    return s.append("</svg>\n").toString();
  }

  private static String fmt(double v) {
    String s = String.format(Locale.ROOT, "%.2f", v);
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
