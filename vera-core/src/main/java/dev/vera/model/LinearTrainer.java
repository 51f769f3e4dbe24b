package dev.vera.model;

import dev.vera.article.Article;
import dev.vera.article.Label;
import dev.vera.eval.Evaluation;
import dev.vera.text.TextVectorizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains a {@link CredibilityModel}: TF-IDF features fitted on the training part, an L2 logistic
 * regression per candidate C (each corpus weighted as {@link CorpusMix} says, with an intercept of
 * its own), and on the validation part the choice of C ({@link RegularizationSearch}), the stack of
 * the linear score with neighbours and embeddings over cross-fitted scores ({@link ScoreStacker},
 * {@link CrossFitter}), the Platt calibration ({@link CalibrationChoice}), per-corpus calibration
 * and the decision curve ({@link CalibratedValidation}), the applicability reference ({@link
 * ValidationNeighbourhood}), and the source evidence ({@link SourceEvidenceFitter}). The test part,
 * when given, is scored once at the end for the model card ({@link ModelCardBuilder}) and
 * influences nothing. Deterministic: the same articles and configuration give the same model file,
 * whatever the {@link TrainingEnvironment} (but for the card's date, which is its clock's).
 */
public final class LinearTrainer {
  private final TrainingConfig config;
  private final TrainingEnvironment environment;

  /** A trainer in the {@linkplain TrainingEnvironment#defaults() default environment}. */
  public LinearTrainer(TrainingConfig config) {
    this(config, TrainingEnvironment.defaults());
  }

  public LinearTrainer(TrainingConfig config, TrainingEnvironment environment) {
    this.config = config;
    this.environment = environment;
  }

  /**
   * Trains on {@code data.train()}, tunes on {@code data.valid()}, reports on {@code data.test()}.
   */
  public CredibilityModel train(TrainingSet data, ProgressListener progress) {
    data.requireHeldOutUnseen();
    Parts parts = Parts.of(data, config.corpusBalance());
    return environment.run(() -> trainOn(data, parts, progress));
  }

  /**
   * The labelled articles training learns from and chooses on.
   *
   * @param corpusTrain the corpora's own training articles
   * @param train those and the analysts' corrections
   * @param mix the corpora, counting their own articles (a correction weighs correctionWeight)
   */
  private record Parts(
      List<Article> corpusTrain, List<Article> train, List<Article> valid, CorpusMix mix) {
    static Parts of(TrainingSet data, double corpusBalance) {
      List<Article> corpusTrain = labelled(data.train(), "training");
      List<Article> valid = labelled(data.valid(), "validation");
      List<Article> train = new ArrayList<>(corpusTrain);
      train.addAll(data.corrections());
      requireBothClasses(train, "training");
      requireBothClasses(valid, "validation");
      return new Parts(corpusTrain, train, valid, CorpusMix.of(corpusTrain, corpusBalance));
    }
  }

  /** The text model and what was fitted on the way to its stacked score (rows without matrix). */
  private record TextFit(
      TextVectorizer vectorizer,
      TrainingRows rows,
      ValidationRows valid,
      LexicalFit lexical,
      NeighbourIndex neighbours,
      ScoreStacker.StackedScores stacked) {}

  private CredibilityModel trainOn(TrainingSet data, Parts parts, ProgressListener progress) {
    CorpusMix mix = parts.mix();
    TextFit text = fitText(data, parts, progress);
    ValidationRows valid = text.valid();
    TrainingRows rows = text.rows();
    CalibrationChoice calibration =
        CalibrationChoice.choose(text.stacked(), rows, valid, config.seed());
    ValidationNeighbourhood near =
        ValidationNeighbourhood.query(text.neighbours(), parts.valid(), progress);
    CalibratedValidation calibrated =
        CalibratedValidation.fit(
            mix, calibration.calibrator(), text.stacked().valid(), valid, near);
    Label majority = majority(parts.train());
    Evaluation validEval =
        valid.evaluate(calibrated.logOdds(), near.share(), calibrated.curve(), mix, majority);
    SourceEvidenceFitter.SourceEvidenceFit source =
        new SourceEvidenceFitter(config.ratings(), config.smoothingGrid())
            .fit(rows, valid, calibrated, mix.referenceRate());
    ModelScope scope =
        new ModelScope(
            mix, calibrated.curve(), source.curve(), near.applicability(), calibrated.domain());
    ModelCardBuilder cards = new ModelCardBuilder(config, environment);
    ModelCardBuilder.Choices chosen =
        new ModelCardBuilder.Choices(
            text.lexical(), calibration, calibrated.curve(), source, text.stacked().embedding());
    CredibilityModel model =
        new CredibilityModel(
            text.vectorizer(),
            text.lexical().textWeights(),
            text.lexical().intercept(),
            calibration.calibrator(),
            source.reputation(),
            source.combiner(),
            hashes(parts.train()),
            cards.card(data, parts.train(), mix, chosen, validEval),
            text.neighbours(),
            text.stacked().stack(),
            text.stacked().embedding(),
            scope);
    return cards.withTestFigures(model, data, majority, progress);
  }

  /** Features, the C search, the neighbour index and the stacked text score. */
  private TextFit fitText(TrainingSet data, Parts parts, ProgressListener progress) {
    List<Article> train = parts.train();
    TextVectorizer vectorizer =
        TextVectorizer.fit(
            config.features(),
            train,
            SourceReputation::publisherOf,
            config.maxPublisherShare(),
            done -> progress.update("counting terms", done, train.size()));
    TrainingRows rows =
        TrainingRows.of(
            parts.corpusTrain(),
            data.corrections(),
            data.correctionWeight(),
            parts.mix(),
            config.corpusIntercepts(),
            vectorizer,
            progress);
    ValidationRows valid =
        ValidationRows.of(
            parts.valid(),
            TrainingRows.textRows(
                vectorizer, parts.valid(), "vectorizing validation articles", progress),
            parts.mix());
    LexicalFit lexical = new RegularizationSearch(config.cGrid()).search(rows, valid, progress);
    NeighbourIndex neighbours = neighbourIndex(train, parts.mix(), progress);
    EmbeddingHeadFitter embeddings =
        config.embeddings() == null
            ? null
            : new EmbeddingHeadFitter(config.embeddings(), environment.embeddingCache());
    ScoreStacker stacker =
        new ScoreStacker(
            config.neighbours(), embeddings, CrossFitter.stratified(rows.fake(), config.seed()));
    ScoreStacker.StackedScores stacked = stacker.stack(rows, valid, lexical, neighbours, progress);
    // The matrix is the largest thing in memory and no longer needed.
    return new TextFit(vectorizer, rows.withoutMatrix(), valid, lexical, neighbours, stacked);
  }

  /**
   * The index of the training articles: the stack's neighbours when configured, and in any case the
   * applicability reference and the corpora a new article resembles.
   */
  private NeighbourIndex neighbourIndex(
      List<Article> train, CorpusMix mix, ProgressListener progress) {
    NeighbourIndex.Settings settings =
        config.neighbours() == null ? NeighbourIndex.Settings.defaults() : config.neighbours();
    return NeighbourIndex.build(
            train, settings, done -> progress.update("indexing neighbours", done, train.size()))
        .withCorpora(mix.names(), corpusPositions(train, mix));
  }

  /** Per training article, its corpus's position in the mix (-1 for a correction). */
  private static byte[] corpusPositions(List<Article> train, CorpusMix mix) {
    byte[] out = new byte[train.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) mix.indexOf(train.get(i));
    }
    return out;
  }

  private static long[] hashes(List<Article> train) {
    long[] hashes = new long[train.size()];
    for (int i = 0; i < train.size(); i++) {
      hashes[i] = train.get(i).contentHash();
    }
    return hashes;
  }

  private static List<Article> labelled(List<Article> articles, String part) {
    List<Article> out = articles.stream().filter(a -> a.label() != null).toList();
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "the " + part + " part has no labelled articles (a 'label' of fake or real is needed)");
    }
    return out;
  }

  private static void requireBothClasses(List<Article> articles, String part) {
    long fake = articles.stream().filter(a -> a.label() == Label.FAKE).count();
    if (fake == 0 || fake == articles.size()) {
      throw new IllegalArgumentException(
          "the "
              + part
              + " part holds one class only ("
              + articles.size()
              + " "
              + (fake == 0 ? "real" : "fake")
              + " articles); both fake and real examples are needed");
    }
  }

  /** The more frequent label among labelled articles (real on a tie). */
  public static Label majority(List<Article> articles) {
    long fake = articles.stream().filter(a -> a.label() == Label.FAKE).count();
    long real = articles.stream().filter(a -> a.label() == Label.REAL).count();
    return fake > real ? Label.FAKE : Label.REAL;
  }
}
