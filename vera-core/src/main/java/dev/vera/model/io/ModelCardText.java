package dev.vera.model.io;

import dev.vera.model.ApplicabilityModel;
import dev.vera.model.CredibilityModel;
import dev.vera.model.MetricSummary;
import dev.vera.model.ModelCard;
import dev.vera.model.ModelScope;
import dev.vera.model.NeighbourIndex;
import dev.vera.text.FeatureConfig;
import dev.vera.text.FeatureSpace;
import java.util.Locale;
import java.util.stream.Collectors;

/** The model card as Markdown: what {@code vera model info} prints and MODEL_CARD.md holds. */
public final class ModelCardText {
  private ModelCardText() {}

  /** The card of a model, with what its scope adds: the base rate it assumes, applicability. */
  public static String markdown(CredibilityModel model) {
    String card = markdown(model.card());
    ModelScope scope = model.scope();
    StringBuilder extra = new StringBuilder("\n## Base rate and applicability\n\n");
    extra.append("| | |\n|---|---|\n");
    row(
        extra,
        "base rate assumed",
        String.format(
            Locale.ROOT,
            "%.4f: the share of fake in the training mix%s; `--base-rate P` re-expresses the probability and"
                + " the threshold for a feed with another share",
            scope.mix().referenceRate(),
            scope.mix().corpora().size() > 1 ? " (each corpus weighted as above)" : ""));
    row(
        extra,
        "threshold for another base rate",
        scope.textCurve() != null
            ? "re-chosen for macro-F1 on the validation articles reweighted to that share ("
                + scope.textCurve().logOdds().length
                + " articles kept in the model)"
            : "the stored threshold, re-expressed at that rate (no validation curve in this model)");
    ApplicabilityModel a = scope.applicability();
    row(
        extra,
        "applicability",
        a == null
            ? "not measured by this model"
            : String.format(
                Locale.ROOT,
                "mean cosine similarity of the %d nearest training articles, ranked among %d validation articles;"
                    + " flagged outside the model's experience below %.2f (one in-domain article in %.0f)",
                a.k(),
                a.reference().length,
                a.flagBelow(),
                1 / a.flagBelow()));
    NeighbourIndex near = model.neighbours();
    if (near != null) {
      extra.append("\n## Similar known stories\n\n| | |\n|---|---|\n");
      NeighbourIndex.Stories stories = near.stories();
      row(
          extra,
          "kept per training article",
          stories == null
              ? "id and publisher (the model predates titles, dates and URLs)"
              : String.format(
                  Locale.ROOT,
                  "id, publisher, title, date and URL, so that a verdict names its similar stories; %d"
                      + " articles, %d titles, %d dates, %d URLs; %.0f KB of the model file (deflated)",
                  stories.size(),
                  known(stories.titles()),
                  known(stories.dates()),
                  known(stories.urls()),
                  StoriesCodec.deflatedSize(stories) / 1024.0));
    }
    int at = card.indexOf("\n## Use and limits");
    return at < 0 ? card + extra : card.substring(0, at) + extra + card.substring(at);
  }

  private static int known(Object[] values) {
    int n = 0;
    for (Object v : values) {
      n += v == null ? 0 : 1;
    }
    return n;
  }

  /** The card alone, as this Vera writes it into a model file. */
  public static String markdown(ModelCard c) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Model card: ").append(c.modelId()).append("\n\n");
    sb.append("| | |\n|---|---|\n");
    row(sb, "name", c.name());
    row(sb, "model id", c.modelId());
    row(sb, "created", c.createdAt().toString());
    row(sb, "Vera version", c.veraVersion());
    row(sb, "Java version", c.javaVersion());
    row(sb, "model format", ModelFile.FORMAT + " v" + ModelFile.VERSION);
    sb.append("\n## Training data\n\n");
    sb.append("| | |\n|---|---|\n");
    for (ModelCard.DataFile f : c.data().files()) {
      row(sb, "file", "`" + f.path() + "` (" + f.bytes() + " bytes, sha256 `" + f.sha256() + "`)");
    }
    row(
        sb,
        "split field",
        c.data().splitField() == null
            ? "none (Vera held out a stratified validation part)"
            : "`" + c.data().splitField() + "`");
    row(
        sb,
        "training articles",
        c.data().trainArticles()
            + " ("
            + c.data().trainFake()
            + " fake, "
            + (c.data().trainArticles() - c.data().trainFake())
            + " real)");
    row(sb, "validation articles", Integer.toString(c.data().validArticles()));
    if (c.data().corrections() > 0) {
      row(
          sb,
          "analysts' corrections",
          c.data().corrections()
              + " (in the training articles, each counted "
              + c.data().correctionWeight()
              + "×; "
              + c.data().correctionsHeldOutRemoved()
              + " validation/test articles they cover were left out)");
    }
    if (c.data().heldOutDuplicatesRemoved() > 0) {
      row(
          sb,
          "held-out duplicates",
          c.data().heldOutDuplicatesRemoved()
              + " validation/test articles left out: an earlier part holds the same title and text");
    }
    row(sb, "training set sha256", "`" + c.data().trainingSetSha256() + "`");
    ModelCard.Parameters p = c.parameters();
    sb.append("\n## Parameters\n\n");
    sb.append("| | |\n|---|---|\n");
    row(
        sb,
        "features",
        p.features().spaces().stream().map(FeatureSpace::wireName).collect(Collectors.joining(", "))
            + String.format(
                Locale.ROOT,
                "; words 1-%d, characters %d-%d; 2^%d hashed slots; min df %d; style %s",
                p.features().wordMaxGram(),
                p.features().charMinGram(),
                p.features().charMaxGram(),
                p.features().hashBits(),
                p.features().minDf(),
                p.features().style() ? "on" : "off")
            + spaceWeights(p.features()));
    row(sb, "classifier", "L2-regularized logistic regression (" + p.solver() + ")");
    row(sb, "C (chosen on validation)", fmt(p.c()));
    row(
        sb,
        "C search (valid macro-F1 / ROC-AUC)",
        p.cSearch().stream()
            .map(
                s ->
                    String.format(
                        Locale.ROOT,
                        "C=%s: %.4f / %.4f",
                        fmt(s.c()),
                        s.validMacroF1(),
                        s.validRocAuc()))
            .collect(Collectors.joining("; ")));
    if (p.neighbours() != null) {
      row(
          sb,
          "neighbours",
          String.format(
              Locale.ROOT,
              "the %d training articles most similar to the article, from other publishers (cosine of TF-IDF vectors of their %d heaviest words),"
                  + " stacked with the linear score by a logistic regression on out-of-fold scores and leave-one-out neighbours",
              p.neighbours().k(),
              p.neighbours().terms()));
    }
    if (p.embeddings() != null) {
      row(
          sb,
          "sentence embeddings",
          p.embeddings()
              + "; stacked with the linear score by a logistic regression on out-of-fold scores");
    }
    row(sb, "calibration", p.calibration());
    row(
        sb,
        "decision threshold (text)",
        String.format(Locale.ROOT, "%.4f (max macro-F1 on validation)", p.threshold()));
    row(
        sb,
        "decision threshold (--use-source)",
        String.format(Locale.ROOT, "%.4f", p.sourceThreshold()));
    row(sb, "source smoothing", fmt(p.sourceSmoothing()));
    row(sb, "seed", Long.toString(p.seed()));
    sb.append("\n## Metrics\n\n");
    sb.append(
        "Validation figures chose the settings above; test figures were computed once, after training, and chose nothing.\n\n");
    sb.append("| part | n | accuracy | macro-F1 | ROC-AUC | PR-AUC | ECE | Brier | threshold |\n");
    sb.append("|---|---|---|---|---|---|---|---|---|\n");
    for (MetricSummary m : c.validation()) {
      metricRow(sb, m);
    }
    if (c.test() != null) {
      metricRow(sb, c.test());
    }
    corpora(sb, c);
    sb.append("\n## Use and limits\n\n");
    sb.append(
            "The probability is calibrated on the validation part of the training corpus; on other kinds of news it is an estimate, not a guarantee. ")
        .append(
            "The publisher's reputation is not a text feature: it is reported separately and used only with `--use-source`. ")
        .append(
            "Style and wording are signals of how an article is written, not proof of what is true. ")
        .append(
            "A corpus's \"fake\" is its own definition (a debunked rumour, poor health reporting, a fact-checked claim): ")
        .append("a verdict carries the definitions of the training corpora, no more.\n");
    return sb.toString();
  }

  /** The training corpora: share, licence, figures on their test parts and held out. */
  private static void corpora(StringBuilder sb, ModelCard c) {
    if (c.corpora().isEmpty()) {
      return;
    }
    sb.append("\n## Training corpora\n\n");
    sb.append(
        "| corpus | training articles (fake) | weight per article | licence |\n|---|---|---|---|\n");
    for (ModelCard.CorpusCard k : c.corpora()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %d (%d) | %.3f | %s |%n",
              k.name(),
              k.trainArticles(),
              k.trainFake(),
              k.weight(),
              k.licence() == null ? "not recorded" : k.licence().replace("|", "\\|")));
    }
    sb.append("\n## Figures per corpus\n\n");
    sb.append(
        "In domain: this model on the corpus's test part, with the corpus's own share of fake as the base rate. "
            + "Held out: the same recipe trained without the corpus (on the others' train parts, settings chosen on their valid parts) "
            + "and judged on every record of it (`vera generalization`); \"at true rate\" gives the corpus's own share of fake as the base rate, an oracle.\n\n");
    sb.append(
        "| corpus | test n | test macro-F1 | test ROC-AUC | test ECE | held-out n | held-out ROC-AUC | held-out macro-F1 | at true rate | held-out ECE | applicability AUROC |\n");
    sb.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (ModelCard.CorpusCard k : c.corpora()) {
      MetricSummary t = k.test();
      ModelCard.HeldOut h = k.heldOut();
      sb.append("| ")
          .append(k.name())
          .append(" | ")
          .append(t == null ? "–" : Integer.toString(t.n()))
          .append(" | ")
          .append(t == null ? "–" : f4(t.macroF1()))
          .append(" | ")
          .append(t == null ? "–" : f4(t.rocAuc()))
          .append(" | ")
          .append(t == null ? "–" : f4(t.ece()))
          .append(" | ")
          .append(h == null ? "–" : Integer.toString(h.n()))
          .append(" | ")
          .append(h == null ? "–" : f4(h.rocAuc()))
          .append(" | ")
          .append(h == null ? "–" : f4(h.macroF1()))
          .append(" | ")
          .append(h == null ? "–" : f4(h.macroF1AtTrueRate()))
          .append(" | ")
          .append(h == null ? "–" : f4(h.ece()))
          .append(" | ")
          .append(h == null ? "–" : f4(h.applicabilityAuroc()))
          .append(" |\n");
    }
  }

  private static String f4(double d) {
    return Double.isNaN(d) ? "n/a" : String.format(Locale.ROOT, "%.4f", d);
  }

  private static void metricRow(StringBuilder sb, MetricSummary m) {
    sb.append(
        String.format(
            Locale.ROOT,
            "| %s | %d | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f |%n",
            m.part(),
            m.n(),
            m.accuracy(),
            m.macroF1(),
            m.rocAuc(),
            m.prAuc(),
            m.ece(),
            m.brier(),
            m.threshold()));
  }

  private static void row(StringBuilder sb, String k, String v) {
    sb.append("| ").append(k).append(" | ").append(v.replace("|", "\\|")).append(" |\n");
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  /** The spaces weighted other than 1, e.g. {@code ; weights title-words 0.7, title-chars 0.5}. */
  private static String spaceWeights(FeatureConfig f) {
    if (f.spaceWeights().isEmpty()) {
      return "";
    }
    return f.spaceWeights().entrySet().stream()
        .map(e -> e.getKey().wireName() + " " + fmt(e.getValue()))
        .collect(Collectors.joining(", ", "; weights ", ""));
  }
}
