package dev.vera.model;

import dev.vera.text.FeatureConfig;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything a reader needs to judge a model: what it was trained on (with hashes that identify the
 * data), how, with which settings and how it scored on held-out data. Written into the model file
 * and shown by {@code vera model info}.
 *
 * @param modelId a stable identifier: the name and 12 hex digits of a hash of the training set and
 *     the training settings (see {@code ModelCardBuilder.modelId})
 * @param name a human name for the model
 * @param createdAt when training finished
 * @param veraVersion the Vera version that trained it
 * @param javaVersion the Java runtime that trained it
 * @param data the training data and its provenance
 * @param parameters the settings, including the ones chosen on validation data
 * @param validation figures on the validation part (used for choices)
 * @param test figures on the test part, reported only (never used for choices), or null
 * @param corpora per training corpus: its share, licence, test figures and held-out figures (empty
 *     for models of one unnamed corpus and models written before corpora were recorded)
 */
public record ModelCard(
    String modelId,
    String name,
    Instant createdAt,
    String veraVersion,
    String javaVersion,
    TrainingData data,
    Parameters parameters,
    List<MetricSummary> validation,
    @Nullable MetricSummary test,
    List<CorpusCard> corpora) {

  public ModelCard {
    validation = List.copyOf(validation);
    corpora = List.copyOf(corpora);
  }

  /** A card without per-corpus entries. */
  public ModelCard(
      String modelId,
      String name,
      Instant createdAt,
      String veraVersion,
      String javaVersion,
      TrainingData data,
      Parameters parameters,
      List<MetricSummary> validation,
      @Nullable MetricSummary test) {
    this(
        modelId,
        name,
        createdAt,
        veraVersion,
        javaVersion,
        data,
        parameters,
        validation,
        test,
        List.of());
  }

  /** The same card with other per-corpus entries. */
  public ModelCard withCorpora(List<CorpusCard> newCorpora) {
    return new ModelCard(
        modelId,
        name,
        createdAt,
        veraVersion,
        javaVersion,
        data,
        parameters,
        validation,
        test,
        newCorpora);
  }

  /** The same card with other test figures. */
  public ModelCard withTest(@Nullable MetricSummary newTest) {
    return new ModelCard(
        modelId,
        name,
        createdAt,
        veraVersion,
        javaVersion,
        data,
        parameters,
        validation,
        newTest,
        corpora);
  }

  /**
   * What a model card says of one training corpus.
   *
   * @param name the corpus
   * @param trainArticles its training articles
   * @param trainFake how many were fake
   * @param weight each article's weight in the fit
   * @param licence the terms the corpus comes under, as its publisher states them, or null when not
   *     recorded
   * @param test this model on the corpus's test part, at the corpus's own base rate, or null
   * @param heldOut the same recipe trained without this corpus and judged on all of it, or null
   */
  public record CorpusCard(
      String name,
      int trainArticles,
      int trainFake,
      double weight,
      @Nullable String licence,
      @Nullable MetricSummary test,
      @Nullable HeldOut heldOut) {

    /** The same entry with a licence and held-out figures. */
    public CorpusCard with(@Nullable String newLicence, @Nullable HeldOut newHeldOut) {
      return new CorpusCard(name, trainArticles, trainFake, weight, newLicence, test, newHeldOut);
    }
  }

  /**
   * Leave-one-corpus-out figures of the model's recipe on one corpus ({@code vera generalization}).
   *
   * @param n the corpus's records, all judged
   * @param rocAuc ROC-AUC
   * @param macroF1 macro-F1 at the model's training mix
   * @param macroF1AtTrueRate macro-F1 with the corpus's own share of fake as the base rate (an
   *     oracle)
   * @param ece ECE at the model's training mix
   * @param applicabilityAuroc how well applicability told the corpus from the training corpora (NaN
   *     when not measured)
   */
  public record HeldOut(
      int n,
      double rocAuc,
      double macroF1,
      double macroF1AtTrueRate,
      double ece,
      double applicabilityAuroc) {}

  /**
   * @param files the input files with their SHA-256, as given to {@code vera train}
   * @param splitField the split field used, or null for a whole-file training set
   * @param trainingSetSha256 SHA-256 over the training articles' content hashes and labels, in
   *     order: identifies the training set whatever file it came in
   * @param trainArticles how many articles trained the model
   * @param trainFake how many of them were fake
   * @param validArticles how many articles were used for choosing settings and calibration
   * @param corrections how many analysts' corrections trained (included in {@code trainArticles})
   * @param correctionWeight how many copies of each correction the fit saw
   * @param correctionsHeldOutRemoved validation/test articles left out because a correction covers
   *     them
   * @param heldOutDuplicatesRemoved validation/test articles left out because train (or, for test,
   *     validation) holds the same article
   */
  public record TrainingData(
      List<DataFile> files,
      @Nullable String splitField,
      String trainingSetSha256,
      int trainArticles,
      int trainFake,
      int validArticles,
      int corrections,
      int correctionWeight,
      int correctionsHeldOutRemoved,
      int heldOutDuplicatesRemoved) {
    public TrainingData {
      files = List.copyOf(files);
    }

    /** Training data from which no duplicate was dropped. */
    public TrainingData(
        List<DataFile> files,
        @Nullable String splitField,
        String trainingSetSha256,
        int trainArticles,
        int trainFake,
        int validArticles,
        int corrections,
        int correctionWeight,
        int correctionsHeldOutRemoved) {
      this(
          files,
          splitField,
          trainingSetSha256,
          trainArticles,
          trainFake,
          validArticles,
          corrections,
          correctionWeight,
          correctionsHeldOutRemoved,
          0);
    }

    /** Training data without analysts' corrections. */
    public TrainingData(
        List<DataFile> files,
        @Nullable String splitField,
        String trainingSetSha256,
        int trainArticles,
        int trainFake,
        int validArticles) {
      this(
          files,
          splitField,
          trainingSetSha256,
          trainArticles,
          trainFake,
          validArticles,
          0,
          1,
          0,
          0);
    }
  }

  /** An input file and its SHA-256. */
  public record DataFile(String path, String sha256, long bytes) {}

  /**
   * @param features the text features
   * @param solver the solver, by LIBLINEAR's name for it
   * @param c the inverse regularization strength chosen on validation
   * @param cSearch validation macro-F1 and ROC-AUC of every C tried
   * @param calibration how probabilities were calibrated
   * @param threshold the text decision threshold chosen on validation (for macro-F1)
   * @param sourceThreshold the decision threshold with {@code --use-source}
   * @param sourceSmoothing the source reputation's pseudo-count, chosen on validation
   * @param seed the seed for everything random in training
   * @param neighbours the nearest-neighbour settings when the text score reads them, else null
   * @param embeddings what the sentence-embedding classifier reads and how it was chosen, when the
   *     text score stacks one, else null
   */
  public record Parameters(
      FeatureConfig features,
      String solver,
      double c,
      List<CandidateScore> cSearch,
      String calibration,
      double threshold,
      double sourceThreshold,
      double sourceSmoothing,
      long seed,
      NeighbourIndex.@Nullable Settings neighbours,
      @Nullable String embeddings) {
    public Parameters {
      cSearch = List.copyOf(cSearch);
    }
  }

  /** A candidate setting and how it scored on validation data. */
  public record CandidateScore(double c, double validMacroF1, double validRocAuc) {}
}
