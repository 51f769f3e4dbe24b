package dev.vera.eval;

import static dev.vera.eval.Format.escape;
import static dev.vera.eval.Format.fixed;
import static dev.vera.eval.Format.percent;

import dev.vera.article.Label;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Renders an {@link Evaluation} as one self-contained HTML5 page that loads nothing from the
 * network (inline CSS and SVG only), so it can be archived, mailed or opened offline as is.
 */
public final class ReportPage {

  private static final DateTimeFormatter SHOWN_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** The pages' style sheet, shared by every self-contained report Vera writes. */
  public static final String CSS =
      """
      :root{--fg:#1c2330;--muted:#5d6878;--bg:#fff;--card:#f3f5f8;--line:#dde2e8;\
      --accent:#2563eb;--warn:#c2410c;color-scheme:light dark}
      @media (prefers-color-scheme:dark){:root{--fg:#e5e9ef;--muted:#9ba6b4;--bg:#12161c;\
      --card:#1b222b;--line:#313a46;--accent:#6ea2ff;--warn:#f0874f}}
      *{box-sizing:border-box}
      body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,\
      "Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
      main{max-width:980px;margin:0 auto;padding:1.5rem 1rem 3rem}
      h1{font-size:1.6rem;margin:0 0 .5rem;overflow-wrap:anywhere}
      h2{font-size:1.15rem;margin:2rem 0 .75rem}
      .meta{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:0;\
      color:var(--muted)}
      .meta dt{font-weight:600}.meta dd{margin:0;overflow-wrap:anywhere}
      .note{color:var(--muted);font-size:.92rem}
      .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:.75rem;\
      margin-top:1.25rem}
      .card{background:var(--card);border-radius:10px;padding:.75rem 1rem}
      .card .k{font-size:.85rem;color:var(--muted)}
      .card .v{font-size:1.6rem;font-weight:650;font-variant-numeric:tabular-nums}
      .card .b{font-size:.82rem;color:var(--muted)}
      .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:1.25rem}
      figure{margin:0}figcaption{font-size:.9rem;color:var(--muted);margin-top:.25rem}
      svg{display:block;width:100%;height:auto}
      svg text{font-family:inherit}
      .tick{fill:var(--muted);font-size:10px}.axis{fill:var(--fg);font-size:10.5px}
      .grid{stroke:var(--line);stroke-width:.6}.frame{fill:none;stroke:var(--muted);stroke-width:.8}
      .ref{stroke:var(--muted);stroke-width:1;stroke-dasharray:4 3}
      .curve{fill:none;stroke:var(--accent);stroke-width:2;stroke-linejoin:round}
      .bar{fill:var(--accent);fill-opacity:.22}.pt{fill:var(--accent)}
      .hist{fill:var(--muted);fill-opacity:.55}
      .scroll{overflow-x:auto}
      table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
      th,td{padding:.4rem .6rem;border-bottom:1px solid var(--line);text-align:right}
      th:first-child,td:first-child{text-align:left}
      thead th{color:var(--muted);font-weight:600}
      .cm{max-width:520px}.cm td{text-align:center;font-size:1.15rem;font-weight:600}
      .cm td small{display:block;font-size:.8rem;font-weight:400;color:var(--muted)}
      .na{padding:2rem 1rem;background:var(--card);border-radius:10px;color:var(--muted)}
      footer{margin-top:2.5rem;font-size:.85rem;color:var(--muted)}
      """;

  private ReportPage() {}

  /**
   * Returns the page: a header naming model, data, split and date; headline metric cards with the
   * majority baseline; the reliability diagram, ROC and precision-recall curves as inline SVG; the
   * confusion matrix, per-class and (when computed) per-source tables; and a short guide to reading
   * them. Every text taken from {@code e} or {@code ctx} is HTML-escaped.
   */
  public static String html(Evaluation e, ReportContext ctx) {
    StringBuilder out = new StringBuilder(64 * 1024);
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(escape(ctx.title()))
        .append("</title>\n")
        .append("<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<main>\n");
    header(out, e, ctx);
    cards(out, e);
    charts(out, e);
    confusion(out, e.confusionMatrix());
    perClass(out, e);
    if (e.perSource() != null) {
      perSource(out, e.perSource());
    }
    guide(out, e);
    out.append("<footer>Made by Vera. This page is self-contained and loads nothing from the")
        .append(" network.</footer>\n</main>\n</body>\n</html>\n");
    return out.toString();
  }

  private static void header(StringBuilder out, Evaluation e, ReportContext ctx) {
    out.append("<header>\n<h1>").append(escape(ctx.title())).append("</h1>\n<dl class=\"meta\">\n");
    meta(out, "Model", escape(ctx.modelId()));
    meta(out, "Data", escape(ctx.dataDescription()));
    meta(out, "Split", escape(ctx.splitDescription()));
    meta(
        out,
        "Generated",
        "<time datetime=\""
            + escape(ctx.generatedAt().toString())
            + "\">"
            + escape(SHOWN_DATE.format(ctx.generatedAt()))
            + "</time>");
    out.append("</dl>\n<p class=\"note\">")
        .append(e.n())
        .append(" articles · decision threshold ")
        .append(fixed(e.threshold(), 3))
        .append(" · fake is the positive class</p>\n</header>\n");
  }

  private static void meta(StringBuilder out, String term, String escapedValue) {
    out.append("<dt>").append(term).append("</dt><dd>").append(escapedValue).append("</dd>\n");
  }

  private static void cards(StringBuilder out, Evaluation e) {
    Baseline b = e.baseline();
    String always = "always “" + b.label().wireName() + "”";
    out.append("<section class=\"cards\" aria-label=\"Headline metrics\">\n");
    card(
        out,
        "Macro-F1",
        fixed(e.macroF1(), 3),
        "majority baseline " + fixed(b.macroF1(), 3) + " (" + always + ")");
    card(
        out,
        "Accuracy",
        fixed(e.accuracy(), 3),
        "majority baseline " + fixed(b.accuracy(), 3) + " (" + always + ")");
    card(out, "ROC-AUC", fixed(e.rocAuc(), 3), "0.5 is a random ranking");
    card(out, "PR-AUC (AP)", fixed(e.prAuc(), 3), "random ranking " + fixed(e.fakePrevalence(), 3));
    card(out, "ECE", fixed(e.ece(), 3), "calibration error, 0 is perfect");
    card(out, "Brier", fixed(e.brier(), 3), "0 is perfect, 0.25 is always 0.5");
    out.append("</section>\n");
  }

  private static void card(StringBuilder out, String key, String value, String beside) {
    out.append("<div class=\"card\"><div class=\"k\">")
        .append(escape(key))
        .append("</div><div class=\"v\">")
        .append(escape(value))
        .append("</div><div class=\"b\">")
        .append(escape(beside))
        .append("</div></div>\n");
  }

  private static void charts(StringBuilder out, Evaluation e) {
    out.append("<section>\n<h2>Calibration and ranking</h2>\n<div class=\"charts\">\n");
    figure(
        out,
        Charts.reliability(e.reliability()),
        "Reliability: observed fake fraction per bin of predicted probability; the dashed"
            + " diagonal is perfect calibration, the grey bars below count articles per bin."
            + " ECE = "
            + fixed(e.ece(), 4)
            + ".");
    if (e.roc().isEmpty()) {
      missing(out, "ROC curve undefined: the articles hold only one class.");
    } else {
      figure(
          out,
          Charts.roc(e.roc()),
          "ROC curve; the dashed diagonal is a random ranking. AUC = "
              + fixed(e.rocAuc(), 4)
              + ".");
    }
    if (e.pr().isEmpty()) {
      missing(out, "Precision-recall curve undefined: there is no fake article.");
    } else {
      figure(
          out,
          Charts.precisionRecall(e.pr(), e.fakePrevalence()),
          "Precision-recall for the fake class; the dashed line is the fake prevalence ("
              + fixed(e.fakePrevalence(), 3)
              + "). AP = "
              + fixed(e.prAuc(), 4)
              + ".");
    }
    out.append("</div>\n</section>\n");
  }

  private static void figure(StringBuilder out, String svg, String caption) {
    out.append("<figure>")
        .append(svg)
        .append("<figcaption>")
        .append(escape(caption))
        .append("</figcaption></figure>\n");
  }

  private static void missing(StringBuilder out, String why) {
    out.append("<p class=\"na\">").append(escape(why)).append("</p>\n");
  }

  private static void confusion(StringBuilder out, ConfusionMatrix m) {
    out.append("<section>\n<h2>Confusion matrix</h2>\n<div class=\"scroll\"><table class=\"cm\">\n")
        .append("<thead><tr><th></th>");
    for (Label predicted : ConfusionMatrix.LABELS) {
      out.append("<th scope=\"col\">predicted ").append(escape(name(predicted))).append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    for (Label truth : ConfusionMatrix.LABELS) {
      int rowTotal = m.support(truth);
      out.append("<tr><th scope=\"row\">truth ").append(escape(name(truth))).append("</th>");
      for (Label predicted : ConfusionMatrix.LABELS) {
        int count = m.count(truth, predicted);
        double share = rowTotal == 0 ? Double.NaN : (double) count / rowTotal;
        // Correct cells in the accent hue, errors in the warning hue, darker for a larger share.
        String rgb = truth == predicted ? "37,99,235" : "194,65,12";
        double alpha = Double.isNaN(share) ? 0.0 : 0.08 + 0.5 * share;
        out.append(
                String.format(Locale.ROOT, "<td style=\"background:rgba(%s,%.3f)\">", rgb, alpha))
            .append(count)
            .append("<small>")
            .append(percent(share))
            .append(" of row</small></td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table></div>\n</section>\n");
  }

  private static void perClass(StringBuilder out, Evaluation e) {
    out.append("<section>\n<h2>Per class</h2>\n<div class=\"scroll\"><table>\n")
        .append("<thead><tr><th>class</th><th>precision</th><th>recall</th><th>F1</th>")
        .append("<th>support</th></tr></thead>\n<tbody>\n");
    for (Label label : ConfusionMatrix.LABELS) {
      ClassReport r = e.perClass(label);
      row(
          out,
          escape(name(label)),
          fixed(r.precision(), 3),
          fixed(r.recall(), 3),
          fixed(r.f1(), 3),
          Integer.toString(r.support()));
    }
    out.append("</tbody>\n</table></div>\n</section>\n");
  }

  private static void perSource(StringBuilder out, List<SourceReport> sources) {
    out.append("<section>\n<h2>Per source</h2>\n");
    if (sources.isEmpty()) {
      out.append("<p class=\"note\">No source has ")
          .append(Evaluator.MIN_SOURCE_ARTICLES)
          .append(" or more articles.</p>\n</section>\n");
      return;
    }
    out.append("<p class=\"note\">The largest sources with at least ")
        .append(Evaluator.MIN_SOURCE_ARTICLES)
        .append(
            " articles each. A model that is right only on outlets that are all fake or all"
                + " real may have learned the outlet, not the article.</p>\n")
        .append("<div class=\"scroll\"><table>\n<thead><tr><th>source</th><th>n</th>")
        .append("<th>fake share</th><th>mean p(fake)</th><th>accuracy</th></tr></thead>\n")
        .append("<tbody>\n");
    for (SourceReport s : sources) {
      row(
          out,
          escape(s.source()),
          Integer.toString(s.n()),
          fixed(s.fakeShare(), 3),
          fixed(s.meanProbabilityFake(), 3),
          fixed(s.accuracy(), 3));
    }
    out.append("</tbody>\n</table></div>\n</section>\n");
  }

  private static void row(StringBuilder out, String escapedFirst, String... numbers) {
    out.append("<tr><td>").append(escapedFirst).append("</td>");
    for (String number : numbers) {
      out.append("<td>").append(escape(number)).append("</td>");
    }
    out.append("</tr>\n");
  }

  private static void guide(StringBuilder out, Evaluation e) {
    String majority = e.baseline().label().wireName();
    out.append("<section>\n<h2>How to read this</h2>\n<p>")
        .append(
            escape(
                "Fake is the positive class. Accuracy and macro-F1 judge the decisions; the majority"
                    + " baseline is what always answering “"
                    + majority
                    + "” (the larger class of the"
                    + " training data) scores on these same articles, and a model is only worth its"
                    + " margin over it. Macro-F1 averages the F1 of both classes, so class imbalance"
                    + " cannot flatter it. ROC-AUC is the chance that a random fake article gets a"
                    + " higher fake probability than a random real one (0.5 is guessing); PR-AUC"
                    + " (average precision) is best compared with the prevalence line."))
        .append("</p>\n<p>")
        .append(
            escape(
                "Calibration means the probabilities can be taken at their word: of the articles"
                    + " given a 70% chance of being fake, about 70% should be fake. A calibrated model"
                    + " follows the diagonal of the reliability diagram; points below it overstate"
                    + " the chance of fake, points above understate it. ECE (expected calibration"
                    + " error) is the average gap between the model’s confidence and how often it is"
                    + " right, weighted by the articles in each confidence bin: an ECE of 0.02 means"
                    + " the stated confidence is off by about 2 percentage points. It judges the"
                    + " probabilities, not the decisions, so it does not depend on the threshold."
                    + " The Brier score is the mean squared error of the probability."))
        .append("</p>\n<p>")
        .append(
            escape(
                "The decision threshold ("
                    + fixed(e.threshold(), 3)
                    + ") was chosen on validation"
                    + " data, not on these articles, so the figures above estimate how the model"
                    + " will do on articles it has not seen."))
        .append("</p>\n</section>\n");
  }

  private static String name(Label label) {
    return label.mark() + " " + label.wireName();
  }
}
