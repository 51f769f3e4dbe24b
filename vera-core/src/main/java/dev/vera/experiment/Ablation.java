package dev.vera.experiment;

import dev.vera.article.Article;
import dev.vera.article.Label;
import dev.vera.eval.Evaluator;
import dev.vera.eval.ScoredArticle;
import dev.vera.model.CorpusMix;
import dev.vera.model.CredibilityModel;
import dev.vera.model.ModelCard;
import dev.vera.model.ModelEvaluation;
import dev.vera.model.ProgressListener;
import dev.vera.model.ScoringOptions;
import dev.vera.model.TrainingConfig;
import dev.vera.model.TrainingEnvironment;
import dev.vera.model.Verdict;
import dev.vera.text.FeatureConfig;
import dev.vera.text.FeatureSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Which parts of a training recipe transfer to collections it never saw, judged leave one corpus
 * out and chosen nested: for the figure on a held-out corpus H, each part is kept or dropped by the
 * leave-one-corpus-out ROC-AUC among the other corpora alone (trained on all but H and one other,
 * judged on that other), so that no choice is made on the corpus it is scored on. For the recipe
 * itself, each part is kept when dropping it lowers the mean held-out ROC-AUC over all corpora.
 */
public final class Ablation {

  /**
   * A change to the recipe: a part taken out ({@code -chars}) or something added ({@code +liar}: a
   * corpus that only ever trains).
   *
   * @param name a short name, {@code -} for a part taken out, {@code +} for an addition
   * @param what what it is, in words
   * @param change the recipe with the change
   * @param extraTraining articles added to every training run of the variant (their train part
   *     trains, their valid part validates); never judged
   */
  public record Part(
      String name, String what, UnaryOperator<TrainingConfig> change, List<Article> extraTraining) {
    public Part {
      extraTraining = List.copyOf(extraTraining);
    }

    /** A change of the training settings only. */
    public Part(String name, String what, UnaryOperator<TrainingConfig> change) {
      this(name, what, change, List.of());
    }
  }

  /**
   * The leave-one-corpus-out ROC-AUC of one variant: per held-out corpus, the model trained on
   * every other corpus.
   */
  public record VariantFigures(String variant, Map<String, Double> rocAuc) {
    public double mean() {
      return rocAuc.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
  }

  /**
   * The nested choice for one held-out corpus: the changes applied (chosen without it) and the
   * ROC-AUC of the recipe so changed on it.
   *
   * @param inner per variant, the mean ROC-AUC over the other corpora each held out in turn from
   *     models trained without the held-out corpus either
   */
  public record NestedChoice(
      String heldOut, List<String> applied, double rocAuc, Map<String, Double> inner) {}

  /**
   * Everything measured.
   *
   * @param variants the recipe ({@code full}) and each part taken out, held out one corpus at a
   *     time
   * @param nested per held-out corpus, the nested choice and its figure
   * @param rejected the changes that do not raise the mean held-out ROC-AUC over all corpora
   * @param applied the changes that raise it: what the recipe should become
   */
  public record Result(
      List<VariantFigures> variants,
      List<NestedChoice> nested,
      List<String> rejected,
      List<String> applied) {
    public double nestedMean() {
      return nested.stream().mapToDouble(NestedChoice::rocAuc).average().orElse(Double.NaN);
    }
  }

  /**
   * The changes worth judging for a recipe: each of its parts taken out (character n-grams, the
   * similar stories stacked into the score, style signs, the title's spaces, the corpus
   * intercepts), corpus weights of 0 and 0.5 instead of 1, and the publishers' boilerplate dropped.
   */
  public static List<Part> recipeChanges(TrainingConfig full) {
    List<Part> out = new ArrayList<>();
    FeatureConfig f = full.features();
    List<FeatureSpace> noChars =
        f.spaces().stream().filter(s -> s.kind() != FeatureSpace.Kind.CHARS).toList();
    if (noChars.size() < f.spaces().size() && !noChars.isEmpty()) {
      out.add(
          new Part(
              "-chars",
              "character n-grams taken out",
              c -> c.withFeatures(spaces(c.features(), noChars))));
    }
    if (full.neighbours() != null) {
      out.add(
          new Part(
              "-neighbours",
              "similar known stories not stacked into the score",
              c -> c.withNeighbours(null)));
    }
    if (f.style()) {
      out.add(
          new Part(
              "-style", "style signs taken out", c -> c.withFeatures(style(c.features(), false))));
    }
    List<FeatureSpace> noTitle =
        f.spaces().stream().filter(s -> s.part() != FeatureSpace.Part.TITLE).toList();
    if (noTitle.size() < f.spaces().size() && !noTitle.isEmpty()) {
      out.add(
          new Part(
              "-title",
              "the title's spaces taken out (the body alone)",
              c -> c.withFeatures(spaces(c.features(), noTitle))));
    }
    if (full.corpusIntercepts()) {
      out.add(
          new Part(
              "-corpus-intercepts", "no intercept per corpus", c -> c.withCorpusIntercepts(false)));
    }
    if (full.corpusBalance() != 0) {
      out.add(
          new Part(
              "balance=0",
              "every article alike, whatever its corpus's size",
              c -> c.withCorpusBalance(0)));
    }
    if (full.corpusBalance() != 0.5) {
      out.add(new Part("balance=0.5", "corpus weights n^-0.5", c -> c.withCorpusBalance(0.5)));
    }
    if (full.maxPublisherShare() == 1.0) {
      out.add(
          new Part(
              "+boilerplate-filter",
              "features over 90% of whose training articles come from one publisher dropped",
              c -> c.withMaxPublisherShare(0.9)));
    }
    return out;
  }

  private static FeatureConfig spaces(FeatureConfig f, List<FeatureSpace> spaces) {
    FeatureConfig out =
        new FeatureConfig(
            f.hashBits(),
            spaces,
            f.wordMaxGram(),
            f.charMinGram(),
            f.charMaxGram(),
            f.minDf(),
            f.style());
    for (FeatureSpace s : spaces) {
      if (f.weight(s) != 1.0) {
        out = out.withWeight(s, f.weight(s));
      }
    }
    return out;
  }

  private static FeatureConfig style(FeatureConfig f, boolean on) {
    return new FeatureConfig(
        f.hashBits(),
        f.spaces(),
        f.wordMaxGram(),
        f.charMinGram(),
        f.charMaxGram(),
        f.minDf(),
        on,
        f.spaceWeights());
  }

  private final TrainingConfig full;
  private final List<Part> parts;
  private final String splitField;
  private final List<ModelCard.DataFile> files;
  private final TrainingEnvironment environment;

  /** ROC-AUC by variant, then by the set of training corpora, then by judged corpus. */
  private final Map<String, Map<String, Map<String, Double>>> cache = new LinkedHashMap<>();

  /**
   * @param environment the clock, cache and threads every variant trains with
   */
  public Ablation(
      TrainingConfig full,
      List<Part> parts,
      String splitField,
      List<ModelCard.DataFile> files,
      TrainingEnvironment environment) {
    this.full = full;
    this.parts = List.copyOf(parts);
    this.splitField = splitField;
    this.files = List.copyOf(files);
    this.environment = environment;
  }

  /** Runs every variant leave one corpus out and the nested choice. */
  public Result run(List<Article> all, ProgressListener progress, Listener listener) {
    List<String> corpora = CorpusGeneralization.corpora(all);
    if (corpora.size() < 3) {
      throw new IllegalArgumentException(
          "a nested choice needs three corpora or more (one held out, two to choose on); the data hold "
              + corpora);
    }
    Map<String, Variant> variants = new LinkedHashMap<>();
    variants.put("full", new Variant(full, List.of()));
    for (Part p : parts) {
      variants.put(p.name(), new Variant(p.change().apply(full), p.extraTraining()));
    }
    List<VariantFigures> figures = new ArrayList<>();
    for (Map.Entry<String, Variant> v : variants.entrySet()) {
      Map<String, Double> auc = new LinkedHashMap<>();
      for (String h : corpora) {
        auc.put(
            h, rocAuc(all, v.getKey(), v.getValue(), without(corpora, h), h, progress, listener));
      }
      figures.add(new VariantFigures(v.getKey(), auc));
      listener.variantDone(figures.get(figures.size() - 1));
    }
    List<NestedChoice> nested = new ArrayList<>();
    for (String h : corpora) {
      nested.add(nestedChoice(all, corpora, h, variants, progress, listener));
    }
    List<String> kept = new ArrayList<>();
    List<String> applied = new ArrayList<>();
    double fullMean = figures.get(0).mean();
    for (int i = 0; i < parts.size(); i++) {
      (figures.get(i + 1).mean() > fullMean ? applied : kept).add(parts.get(i).name());
    }
    return new Result(figures, nested, kept, applied);
  }

  /** A recipe and the corpora that only ever train with it. */
  private record Variant(TrainingConfig config, List<Article> extraTraining) {}

  /** Hears each finished step, to report progress and partial figures. */
  public interface Listener {
    void trained(String variant, List<String> trainedOn, Map<String, Double> rocAuc);

    void variantDone(VariantFigures figures);

    Listener NONE =
        new Listener() {
          @Override
          public void trained(String variant, List<String> trainedOn, Map<String, Double> rocAuc) {}

          @Override
          public void variantDone(VariantFigures figures) {}
        };
  }

  private NestedChoice nestedChoice(
      List<Article> all,
      List<String> corpora,
      String h,
      Map<String, Variant> variants,
      ProgressListener progress,
      Listener listener) {
    List<String> others = without(corpora, h);
    Map<String, Double> inner = new LinkedHashMap<>();
    for (Map.Entry<String, Variant> v : variants.entrySet()) {
      double sum = 0;
      for (String c : others) {
        sum += rocAuc(all, v.getKey(), v.getValue(), without(others, c), c, progress, listener);
      }
      inner.put(v.getKey(), sum / others.size());
    }
    List<String> applied = new ArrayList<>();
    TrainingConfig config = full;
    List<Article> extra = new ArrayList<>();
    for (Part p : parts) {
      if (inner.get(p.name()) > inner.get("full")) {
        applied.add(p.name());
        config = p.change().apply(config);
        extra.addAll(p.extraTraining());
      }
    }
    String name = applied.isEmpty() ? "full" : String.join(" ", applied);
    double auc = rocAuc(all, name, new Variant(config, extra), others, h, progress, listener);
    return new NestedChoice(h, applied, auc, inner);
  }

  /**
   * The ROC-AUC on corpus {@code judged} (every labelled record) of the variant trained on the
   * corpora {@code trainOn}; each model is trained once and judged on every corpus it left out.
   */
  private double rocAuc(
      List<Article> all,
      String variant,
      Variant v,
      List<String> trainOn,
      String judged,
      ProgressListener progress,
      Listener listener) {
    String key = String.join("+", new TreeSet<>(trainOn));
    Map<String, Map<String, Double>> byVariant =
        cache.computeIfAbsent(variant, k -> new LinkedHashMap<>());
    Map<String, Double> known = byVariant.get(key);
    if (known == null) {
      List<Article> training =
          new ArrayList<>(
              all.stream().filter(a -> trainOn.contains(CorpusMix.corpusOf(a))).toList());
      training.addAll(v.extraTraining());
      CredibilityModel model =
          new CorpusGeneralization(
                  v.config(), splitField, ScoringOptions.DEFAULT, files, environment)
              .train(training, progress);
      known = new LinkedHashMap<>();
      for (String c : CorpusGeneralization.corpora(all)) {
        if (!trainOn.contains(c)) {
          known.put(c, rocAuc(model, CorpusGeneralization.corpus(all, c), progress));
        }
      }
      byVariant.put(key, known);
      listener.trained(variant, trainOn, known);
    }
    return known.get(judged);
  }

  private static double rocAuc(
      CredibilityModel model, List<Article> articles, ProgressListener progress) {
    List<Verdict> verdicts =
        ModelEvaluation.score(model, articles, ScoringOptions.DEFAULT, progress);
    List<ScoredArticle> scored = new ArrayList<>();
    for (int i = 0; i < articles.size(); i++) {
      scored.add(
          new ScoredArticle(
              articles.get(i).label(),
              verdicts.get(i).textProbabilityFake(),
              verdicts.get(i).label(),
              null));
    }
    return Evaluator.evaluate(scored, verdicts.get(0).threshold(), Label.REAL).rocAuc();
  }

  private static List<String> without(List<String> corpora, String one) {
    return corpora.stream().filter(c -> !c.equals(one)).toList();
  }
}
