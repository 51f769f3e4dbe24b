package dev.vera.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.eval.Bootstrap;
import dev.vera.eval.Evaluation;
import dev.vera.eval.Format;
import dev.vera.eval.ReportPage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The figures of {@link CorpusGeneralization} as a terminal table, JSON (snake_case) and a
 * self-contained HTML page, with the peer yardstick's figures beside Vera's when given.
 *
 * @param title what was measured, for the page
 * @param recipe the training recipe, in words
 * @param splitField the split field that divided each corpus
 * @param data the inputs, as the user named them
 * @param holdout one entry per held-out corpus
 * @param inDomainModelId the model of every corpus, or null when in-domain figures were not asked
 * @param inDomain one entry per corpus (empty when not asked)
 * @param peer the yardstick's figures, or null
 */
public record GeneralizationReport(
    String title,
    String recipe,
    String splitField,
    String data,
    List<CorpusGeneralization.Holdout> holdout,
    @Nullable String inDomainModelId,
    List<CorpusGeneralization.InDomain> inDomain,
    @Nullable PeerYardstick peer) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public GeneralizationReport {
    holdout = List.copyOf(holdout);
    inDomain = List.copyOf(inDomain);
  }

  /** The mean ROC-AUC over held-out corpora. */
  public double meanHoldoutRocAuc() {
    return holdout.stream()
        .mapToDouble(h -> h.atTrainingRate().rocAuc())
        .average()
        .orElse(Double.NaN);
  }

  /** The peer's mean ROC-AUC over the same held-out corpora, or NaN when it lacks one. */
  public double meanPeerRocAuc() {
    if (peer == null) {
      return Double.NaN;
    }
    double sum = 0;
    for (CorpusGeneralization.Holdout h : holdout) {
      PeerYardstick.Figures f = peer.holdout().get(h.corpus());
      if (f == null) {
        return Double.NaN;
      }
      sum += f.rocAuc();
    }
    return holdout.isEmpty() ? Double.NaN : sum / holdout.size();
  }

  /** The mean applicability AUROC over held-out corpora. */
  public double meanApplicabilityAuroc() {
    return holdout.stream()
        .filter(h -> h.applicability() != null)
        .mapToDouble(h -> h.applicability().auroc())
        .average()
        .orElse(Double.NaN);
  }

  /**
   * The mean over held-out corpora of the mixed stream's gain (unflagged macro-F1 minus all) at
   * each flag level, with its bootstrap interval: draw d of the mean is the mean of each corpus's
   * draw d, the corpora having been resampled independently.
   */
  public List<MeanGain> meanCoverageGains() {
    List<CorpusGeneralization.ApplicabilityFigures> figures =
        holdout.stream()
            .map(CorpusGeneralization.Holdout::applicability)
            .filter(a -> a != null)
            .toList();
    List<MeanGain> out = new ArrayList<>();
    if (figures.isEmpty()) {
      return out;
    }
    for (int level = 0; level < figures.get(0).levels().size(); level++) {
      double gain = 0;
      double[] draws = new double[Bootstrap.DRAWS];
      for (CorpusGeneralization.ApplicabilityFigures a : figures) {
        CorpusGeneralization.CoverageRow r = a.levels().get(level);
        gain += (r.mixedMacroF1Unflagged() - r.mixedMacroF1All()) / figures.size();
        for (int d = 0; d < draws.length; d++) {
          draws[d] += r.mixedGainDraws()[d] / figures.size();
        }
      }
      out.add(
          new MeanGain(
              figures.get(0).levels().get(level).flagBelow(), gain, Bootstrap.interval(draws)));
    }
    return out;
  }

  /** The mean gain of leaving flagged verdicts out, at one flag level. */
  public record MeanGain(double flagBelow, double gain, Bootstrap.Interval interval) {}

  // ---- terminal ----

  /** The figures as text tables for a terminal. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    sb.append("Leave one corpus out (")
        .append(splitField)
        .append("; trained on the others' train parts,")
        .append(" chosen on their valid parts, judged on every record of the held-out corpus)\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "%-22s %6s %5s  %-22s %-7s %-8s %-9s %-7s %-8s %-7s %-13s%n",
            "held out",
            "n",
            "fake",
            "ROC-AUC [95% CI]",
            "peer",
            "macro-F1",
            "@true*",
            "ECE",
            "@true*",
            "applic.",
            "source cov/AUC"));
    for (CorpusGeneralization.Holdout h : holdout) {
      PeerYardstick.Figures p = peer == null ? null : peer.holdout().get(h.corpus());
      sb.append(
          String.format(
              Locale.ROOT,
              "%-22s %6d %5s  %-22s %-7s %-8s %-9s %-7s %-8s %-7s %-13s%n",
              h.corpus(),
              h.n(),
              Format.fixed(h.fakeShare(), 2),
              Format.fixed(h.atTrainingRate().rocAuc(), 4) + " " + interval(h.rocAuc()),
              p == null ? "-" : Format.fixed(p.rocAuc(), 4),
              Format.fixed(h.atTrainingRate().macroF1(), 4),
              Format.fixed(h.atTrueRate().macroF1(), 4),
              Format.fixed(h.atTrainingRate().ece(), 4),
              Format.fixed(h.atTrueRate().ece(), 4),
              h.applicability() == null ? "-" : Format.fixed(h.applicability().auroc(), 4),
              Format.percent(h.source().coverage()) + "/" + Format.fixed(h.source().rocAuc(), 3)));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "%-22s %6s %5s  %-22s %-7s%n",
            "mean",
            "",
            "",
            Format.fixed(meanHoldoutRocAuc(), 4),
            Format.fixed(meanPeerRocAuc(), 4)));
    for (MeanGain g : meanCoverageGains()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  flagged below %.2f: unflagged macro-F1 minus all, mean over held-out corpora %+.4f %s%n",
              g.flagBelow(),
              g.gain(),
              interval(g.interval())));
    }
    sb.append(
        "  * @true: the held-out corpus's own share of fake given as --base-rate (an oracle).\n");
    sb.append(
        "  applic.: AUROC of applicability, held-out records against the training corpora's test parts.\n");
    if (!inDomain.isEmpty()) {
      sb.append("\nIn domain: one model on every corpus's train part (")
          .append(inDomainModelId)
          .append("), each corpus's test part\n");
      sb.append(
          String.format(
              Locale.ROOT,
              "%-22s %5s %5s  %-22s %-7s %-7s %-8s %-8s %-16s %-16s %-8s%n",
              "corpus",
              "n",
              "rate",
              "ROC-AUC [95% CI]",
              "alone",
              "peer",
              "macro-F1",
              "ECE",
              "[95% CI]",
              "if calibrated",
              "ECE@mix"));
      for (CorpusGeneralization.InDomain d : inDomain) {
        PeerYardstick.Figures p = peer == null ? null : peer.inDomain().get(d.corpus());
        sb.append(
            String.format(
                Locale.ROOT,
                "%-22s %5d %5s  %-22s %-7s %-7s %-8s %-8s %-16s %-16s %-8s%n",
                d.corpus(),
                d.n(),
                Format.fixed(d.corpusRate(), 2),
                Format.fixed(d.atCorpusRate().rocAuc(), 4) + " " + interval(d.rocAuc()),
                d.alone() == null ? "-" : Format.fixed(d.alone().rocAuc(), 4),
                p == null ? "-" : Format.fixed(p.rocAuc(), 4),
                Format.fixed(d.atCorpusRate().macroF1(), 4),
                Format.fixed(d.atCorpusRate().ece(), 4),
                interval(d.ece()),
                interval(d.eceIfCalibrated()),
                Format.fixed(d.atTrainingRate().ece(), 4)));
      }
      sb.append(
          "  rate: the corpus's share of fake in training, given as --base-rate; ECE@mix: at the model's training mix;\n"
              + "  if calibrated: the 95% range of ECE a perfectly calibrated model shows on this part.\n");
    }
    return sb.toString();
  }

  private static String interval(Bootstrap.Interval i) {
    return "[" + Format.fixed(i.low(), 3) + ", " + Format.fixed(i.high(), 3) + "]";
  }

  // ---- JSON ----

  /** The figures as JSON, snake_case. */
  public ObjectNode json() {
    ObjectNode root = JSON.createObjectNode();
    root.put("title", title);
    root.put("recipe", recipe);
    root.put("split_field", splitField);
    root.put("data", data);
    ArrayNode hs = root.putArray("holdout");
    for (CorpusGeneralization.Holdout h : holdout) {
      hs.add(holdoutJson(h));
    }
    ObjectNode mean = root.putObject("holdout_mean");
    put(mean, "roc_auc", meanHoldoutRocAuc());
    put(mean, "peer_roc_auc", meanPeerRocAuc());
    put(mean, "applicability_auroc", meanApplicabilityAuroc());
    ArrayNode gains = mean.putArray("risk_coverage");
    for (MeanGain g : meanCoverageGains()) {
      ObjectNode l = gains.addObject();
      put(l, "flag_below", g.flagBelow());
      put(l, "mixed_gain", g.gain());
      l.set("mixed_gain_ci", intervalJson(g.interval()));
    }
    root.put("in_domain_model_id", inDomainModelId);
    ArrayNode ds = root.putArray("in_domain");
    for (CorpusGeneralization.InDomain d : inDomain) {
      ds.add(inDomainJson(d));
    }
    return root;
  }

  private ObjectNode holdoutJson(CorpusGeneralization.Holdout h) {
    ObjectNode o = JSON.createObjectNode();
    o.put("corpus", h.corpus());
    o.put("n", h.n());
    put(o, "fake_share", h.fakeShare());
    o.put("model_id", h.modelId());
    put(o, "training_rate", h.trainingRate());
    metrics(o, "", h.atTrainingRate());
    o.set("roc_auc_ci", intervalJson(h.rocAuc()));
    metrics(o, "_at_true_rate", h.atTrueRate());
    if (h.applicability() != null) {
      CorpusGeneralization.ApplicabilityFigures a = h.applicability();
      ObjectNode ap = o.putObject("applicability");
      put(ap, "auroc", a.auroc());
      ap.put("held_out", a.heldOut());
      ap.put("in_domain", a.inDomain());
      ArrayNode levels = ap.putArray("risk_coverage");
      for (CorpusGeneralization.CoverageRow r : a.levels()) {
        ObjectNode l = levels.addObject();
        put(l, "flag_below", r.flagBelow());
        put(l, "held_out_flagged", r.heldOutFlagged());
        put(l, "in_domain_flagged", r.inDomainFlagged());
        put(l, "mixed_macro_f1_all", r.mixedMacroF1All());
        put(l, "mixed_macro_f1_unflagged", r.mixedMacroF1Unflagged());
        put(l, "held_out_macro_f1_all", r.heldOutMacroF1All());
        put(l, "held_out_macro_f1_unflagged", r.heldOutMacroF1Unflagged());
        l.set("mixed_gain_ci", intervalJson(r.mixedGain()));
      }
    }
    ObjectNode src = o.putObject("source");
    put(src, "coverage", h.source().coverage());
    put(src, "roc_auc", h.source().rocAuc());
    put(src, "roc_auc_all", h.source().rocAucAll());
    PeerYardstick.Figures p = peer == null ? null : peer.holdout().get(h.corpus());
    if (p != null) {
      ObjectNode po = o.putObject("peer");
      put(po, "roc_auc", p.rocAuc());
      put(po, "macro_f1", p.macroF1());
      put(po, "ece", p.ece());
    }
    return o;
  }

  private ObjectNode inDomainJson(CorpusGeneralization.InDomain d) {
    ObjectNode o = JSON.createObjectNode();
    o.put("corpus", d.corpus());
    o.put("n", d.n());
    put(o, "fake_share", d.fakeShare());
    put(o, "corpus_rate", d.corpusRate());
    metrics(o, "", d.atCorpusRate());
    o.set("roc_auc_ci", intervalJson(d.rocAuc()));
    o.set("ece_ci", intervalJson(d.ece()));
    o.set("ece_if_calibrated", intervalJson(d.eceIfCalibrated()));
    metrics(o, "_at_training_rate", d.atTrainingRate());
    if (d.alone() != null) {
      put(o, "alone_roc_auc", d.alone().rocAuc());
      o.put("alone_model_id", d.aloneModelId());
    }
    PeerYardstick.Figures p = peer == null ? null : peer.inDomain().get(d.corpus());
    if (p != null) {
      put(o, "peer_roc_auc", p.rocAuc());
    }
    return o;
  }

  private static void metrics(ObjectNode o, String suffix, Evaluation e) {
    put(o, "macro_f1" + suffix, e.macroF1());
    put(o, "roc_auc" + suffix, e.rocAuc());
    put(o, "pr_auc" + suffix, e.prAuc());
    put(o, "ece" + suffix, e.ece());
    put(o, "brier" + suffix, e.brier());
    put(o, "accuracy" + suffix, e.accuracy());
    put(o, "threshold" + suffix, e.threshold());
  }

  private static ArrayNode intervalJson(Bootstrap.Interval i) {
    ArrayNode a = JSON.createArrayNode();
    a.add(Double.isNaN(i.low()) ? null : round(i.low()));
    a.add(Double.isNaN(i.high()) ? null : round(i.high()));
    return a;
  }

  private static void put(ObjectNode o, String key, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      o.putNull(key);
    } else {
      o.put(key, round(v));
    }
  }

  private static double round(double d) {
    return Math.round(d * 1e6) / 1e6;
  }

  // ---- HTML ----

  /** The figures as one self-contained page (nothing loaded from the network). */
  public String html(Instant when) {
    StringBuilder b = new StringBuilder();
    b.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
        .append("<title>")
        .append(Format.escape(title))
        .append("</title><style>")
        .append(ReportPage.CSS)
        .append(".bad{color:var(--warn);font-weight:600}</style></head><body><main>");
    b.append("<h1>").append(Format.escape(title)).append("</h1>");
    b.append("<dl class=\"meta\"><dt>recipe</dt><dd>")
        .append(Format.escape(recipe))
        .append("</dd><dt>data</dt><dd>")
        .append(Format.escape(data))
        .append("</dd><dt>split field</dt><dd>")
        .append(Format.escape(splitField))
        .append("</dd><dt>written</dt><dd>")
        .append(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
                .withZone(ZoneOffset.UTC)
                .format(when))
        .append("</dd></dl>");
    b.append(
            "<h2>Leave one corpus out</h2><p class=\"note\">Each row: a model trained on the other")
        .append(
            " corpora's train parts, every setting chosen on their valid parts, judged on every")
        .append(
            " labelled record of the held-out corpus. ROC-AUC below 0.5 means the corpus's labels")
        .append(" mean something else than the training corpora's, not bad luck. \"At true rate\"")
        .append(" gives the held-out corpus's own share of fake as the base rate: an oracle.</p>");
    b.append("<div class=\"scroll\"><table><thead><tr><th>held out</th><th>n</th><th>fake</th>")
        .append("<th>ROC-AUC</th><th>95% CI</th><th>peer ROC-AUC</th><th>macro-F1</th>")
        .append("<th>macro-F1 at true rate</th><th>ECE</th><th>ECE at true rate</th>")
        .append(
            "<th>applicability AUROC</th><th>source coverage</th><th>source ROC-AUC</th></tr></thead><tbody>");
    for (CorpusGeneralization.Holdout h : holdout) {
      PeerYardstick.Figures p = peer == null ? null : peer.holdout().get(h.corpus());
      double auc = h.atTrainingRate().rocAuc();
      b.append("<tr><td>")
          .append(Format.escape(h.corpus()))
          .append("</td>")
          .append(td(Integer.toString(h.n())))
          .append(td(Format.percent(h.fakeShare())))
          .append("<td")
          .append(auc < 0.5 ? " class=\"bad\"" : "")
          .append(">")
          .append(Format.fixed(auc, 4))
          .append("</td>")
          .append(td(interval(h.rocAuc())))
          .append(td(p == null ? "–" : Format.fixed(p.rocAuc(), 4)))
          .append(td(Format.fixed(h.atTrainingRate().macroF1(), 4)))
          .append(td(Format.fixed(h.atTrueRate().macroF1(), 4)))
          .append(td(Format.fixed(h.atTrainingRate().ece(), 4)))
          .append(td(Format.fixed(h.atTrueRate().ece(), 4)))
          .append(td(h.applicability() == null ? "–" : Format.fixed(h.applicability().auroc(), 4)))
          .append(td(Format.percent(h.source().coverage())))
          .append(td(Format.fixed(h.source().rocAuc(), 4)))
          .append("</tr>");
    }
    b.append("<tr><th>mean</th><td></td><td></td><th>")
        .append(Format.fixed(meanHoldoutRocAuc(), 4))
        .append("</th><td></td><th>")
        .append(Format.fixed(meanPeerRocAuc(), 4))
        .append("</th><td colspan=\"4\"></td><th>")
        .append(Format.fixed(meanApplicabilityAuroc(), 4))
        .append("</th><td colspan=\"2\"></td></tr></tbody></table></div>");
    riskCoverage(b);
    if (!inDomain.isEmpty()) {
      inDomainTable(b);
    }
    b.append("</main></body></html>\n");
    return b.toString();
  }

  private void riskCoverage(StringBuilder b) {
    b.append("<h2>Applicability: risk and coverage</h2><p class=\"note\">An article is flagged")
        .append(" outside the model's experience when its applicability score is below the flag")
        .append(" level. Mixed: the held-out corpus's records with the training corpora's own test")
        .append(" parts. Macro-F1 of the verdicts left unflagged against all of them.</p>");
    b.append("<div class=\"scroll\"><table><thead><tr><th>held out</th><th>flag below</th>")
        .append("<th>held-out flagged</th><th>in-domain flagged</th><th>mixed macro-F1 all</th>")
        .append("<th>mixed unflagged</th><th>held-out macro-F1 all</th><th>held-out unflagged</th>")
        .append("</tr></thead><tbody>");
    for (CorpusGeneralization.Holdout h : holdout) {
      if (h.applicability() == null) {
        continue;
      }
      for (CorpusGeneralization.CoverageRow r : h.applicability().levels()) {
        b.append("<tr><td>")
            .append(Format.escape(h.corpus()))
            .append("</td>")
            .append(td(Format.fixed(r.flagBelow(), 2)))
            .append(td(Format.percent(r.heldOutFlagged())))
            .append(td(Format.percent(r.inDomainFlagged())))
            .append(td(Format.fixed(r.mixedMacroF1All(), 4)))
            .append(td(Format.fixed(r.mixedMacroF1Unflagged(), 4)))
            .append(td(Format.fixed(r.heldOutMacroF1All(), 4)))
            .append(td(Format.fixed(r.heldOutMacroF1Unflagged(), 4)))
            .append("</tr>");
      }
    }
    b.append("</tbody></table></div>");
  }

  private void inDomainTable(StringBuilder b) {
    b.append("<h2>In domain</h2><p class=\"note\">One model on every corpus's train part (")
        .append(Format.escape(String.valueOf(inDomainModelId)))
        .append("), each corpus's test part, with the corpus's share of fake in training as the")
        .append(" base rate; \"alone\": the same recipe trained on that corpus only; \"ECE if")
        .append(" calibrated\": the 95% range of ECE a perfectly calibrated model shows on the")
        .append(" same part, its floor of sampling noise.</p>");
    b.append("<div class=\"scroll\"><table><thead><tr><th>corpus</th><th>n</th><th>base rate</th>")
        .append("<th>ROC-AUC</th><th>95% CI</th><th>alone</th><th>peer</th><th>macro-F1</th>")
        .append("<th>ECE</th><th>95% CI</th><th>ECE if calibrated</th><th>ECE at training mix</th>")
        .append("</tr></thead><tbody>");
    for (CorpusGeneralization.InDomain d : inDomain) {
      PeerYardstick.Figures p = peer == null ? null : peer.inDomain().get(d.corpus());
      b.append("<tr><td>")
          .append(Format.escape(d.corpus()))
          .append("</td>")
          .append(td(Integer.toString(d.n())))
          .append(td(Format.percent(d.corpusRate())))
          .append(td(Format.fixed(d.atCorpusRate().rocAuc(), 4)))
          .append(td(interval(d.rocAuc())))
          .append(td(d.alone() == null ? "–" : Format.fixed(d.alone().rocAuc(), 4)))
          .append(td(p == null ? "–" : Format.fixed(p.rocAuc(), 4)))
          .append(td(Format.fixed(d.atCorpusRate().macroF1(), 4)))
          .append(td(Format.fixed(d.atCorpusRate().ece(), 4)))
          .append(td(interval(d.ece())))
          .append(td(interval(d.eceIfCalibrated())))
          .append(td(Format.fixed(d.atTrainingRate().ece(), 4)))
          .append("</tr>");
    }
    b.append("</tbody></table></div>");
  }

  private static String td(String s) {
    return "<td>" + Format.escape(s) + "</td>";
  }
}
