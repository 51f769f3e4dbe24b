package dev.vera.model.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vera.model.MetricSummary;
import dev.vera.model.ModelCard;
import dev.vera.model.NeighbourIndex;
import dev.vera.text.FeatureConfig;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A model card as JSON: in the model file's header and in {@code vera model info --json}. Records
 * that Jackson reads and writes; a figure that was not measured (NaN in {@link MetricSummary}) is
 * null here. Optional parts are left out when empty, so that a card says only what applies.
 */
record CardDocument(
    String modelId,
    String name,
    String createdAt,
    String veraVersion,
    String javaVersion,
    TrainingData trainingData,
    Parameters parameters,
    List<Metrics> validation,
    @Nullable Metrics test,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable List<Corpus> corpora) {

  static CardDocument of(ModelCard card) {
    return new CardDocument(
        card.modelId(),
        card.name(),
        card.createdAt().toString(),
        card.veraVersion(),
        card.javaVersion(),
        TrainingData.of(card.data()),
        Parameters.of(card.parameters()),
        card.validation().stream().map(Metrics::of).toList(),
        card.test() == null ? null : Metrics.of(card.test()),
        card.corpora().stream().map(Corpus::of).toList());
  }

  /**
   * The card, with the feature settings the model scores with (the header's, which the card's copy
   * repeats).
   */
  ModelCard toCard(FeatureConfig features) {
    return new ModelCard(
        modelId,
        name,
        Instant.parse(createdAt),
        veraVersion,
        javaVersion,
        trainingData.toData(),
        parameters.toParameters(features),
        validation == null ? List.of() : validation.stream().map(Metrics::toSummary).toList(),
        test == null ? null : test.toSummary(),
        corpora == null ? List.of() : corpora.stream().map(Corpus::toCorpus).toList());
  }

  /**
   * What trained the model.
   *
   * @param corrections present only when analysts' corrections trained the model
   * @param duplicates present only when held-out articles were left out as duplicates
   */
  record TrainingData(
      List<ModelCard.DataFile> files,
      @Nullable String splitField,
      String trainingSetSha256,
      int trainArticles,
      int trainFake,
      int validArticles,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Corrections corrections,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Duplicates duplicates) {

    static TrainingData of(ModelCard.TrainingData d) {
      return new TrainingData(
          d.files(),
          d.splitField(),
          d.trainingSetSha256(),
          d.trainArticles(),
          d.trainFake(),
          d.validArticles(),
          d.corrections() > 0
              ? new Corrections(
                  d.corrections(), d.correctionWeight(), d.correctionsHeldOutRemoved())
              : null,
          d.heldOutDuplicatesRemoved() > 0 ? new Duplicates(d.heldOutDuplicatesRemoved()) : null);
    }

    ModelCard.TrainingData toData() {
      return new ModelCard.TrainingData(
          files == null ? List.of() : files,
          splitField,
          trainingSetSha256,
          trainArticles,
          trainFake,
          validArticles,
          corrections == null ? 0 : corrections.count(),
          corrections == null ? 1 : corrections.weight(),
          corrections == null ? 0 : corrections.heldOutRemoved(),
          duplicates == null ? 0 : duplicates.heldOutRemoved());
    }
  }

  /** Analysts' corrections in training: how many, how many copies of each, what they displaced. */
  record Corrections(int count, int weight, int heldOutRemoved) {}

  /** Validation and test articles left out because an earlier part held them. */
  record Duplicates(int heldOutRemoved) {}

  /** The settings, including those chosen on validation. */
  record Parameters(
      ModelHeader.Features features,
      String solver,
      double c,
      List<ModelCard.CandidateScore> cSearch,
      String calibration,
      double threshold,
      double sourceThreshold,
      double sourceSmoothing,
      long seed,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable NeighbourSettings neighbours,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String embeddings) {

    static Parameters of(ModelCard.Parameters p) {
      return new Parameters(
          ModelHeader.Features.of(p.features()),
          p.solver(),
          p.c(),
          p.cSearch(),
          p.calibration(),
          p.threshold(),
          p.sourceThreshold(),
          p.sourceSmoothing(),
          p.seed(),
          p.neighbours() == null
              ? null
              : new NeighbourSettings(p.neighbours().k(), p.neighbours().terms()),
          p.embeddings());
    }

    ModelCard.Parameters toParameters(FeatureConfig config) {
      return new ModelCard.Parameters(
          config,
          solver,
          c,
          cSearch == null ? List.of() : cSearch,
          calibration,
          threshold,
          sourceThreshold,
          sourceSmoothing,
          seed,
          neighbours == null
              ? null
              : new NeighbourIndex.Settings(neighbours.k(), neighbours.terms()),
          embeddings);
    }
  }

  /** The nearest-neighbour settings the text score reads. */
  record NeighbourSettings(int k, int terms) {}

  /** {@link MetricSummary}, with null for a figure not measured. */
  record Metrics(
      String part,
      int n,
      double accuracy,
      double macroF1,
      @Nullable Double rocAuc,
      @Nullable Double prAuc,
      double ece,
      double brier,
      double threshold) {

    static Metrics of(MetricSummary m) {
      return new Metrics(
          m.part(),
          m.n(),
          m.accuracy(),
          m.macroF1(),
          orNull(m.rocAuc()),
          orNull(m.prAuc()),
          m.ece(),
          m.brier(),
          m.threshold());
    }

    MetricSummary toSummary() {
      return new MetricSummary(
          part, n, accuracy, macroF1, orNaN(rocAuc), orNaN(prAuc), ece, brier, threshold);
    }
  }

  /** What the card says of one training corpus. */
  record Corpus(
      String name,
      int trainArticles,
      int trainFake,
      double weight,
      @Nullable String licence,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Metrics test,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable HeldOut heldOut) {

    static Corpus of(ModelCard.CorpusCard c) {
      return new Corpus(
          c.name(),
          c.trainArticles(),
          c.trainFake(),
          c.weight(),
          c.licence(),
          c.test() == null ? null : Metrics.of(c.test()),
          c.heldOut() == null ? null : HeldOut.of(c.heldOut()));
    }

    ModelCard.CorpusCard toCorpus() {
      return new ModelCard.CorpusCard(
          name,
          trainArticles,
          trainFake,
          weight,
          licence,
          test == null ? null : test.toSummary(),
          heldOut == null ? null : heldOut.toHeldOut());
    }
  }

  /** {@link ModelCard.HeldOut}, with null for a figure not measured. */
  record HeldOut(
      int n,
      @Nullable Double rocAuc,
      @Nullable Double macroF1,
      @Nullable Double macroF1AtTrueRate,
      @Nullable Double ece,
      @Nullable Double applicabilityAuroc) {

    static HeldOut of(ModelCard.HeldOut h) {
      return new HeldOut(
          h.n(),
          orNull(h.rocAuc()),
          orNull(h.macroF1()),
          orNull(h.macroF1AtTrueRate()),
          orNull(h.ece()),
          orNull(h.applicabilityAuroc()));
    }

    ModelCard.HeldOut toHeldOut() {
      return new ModelCard.HeldOut(
          n,
          orNaN(rocAuc),
          orNaN(macroF1),
          orNaN(macroF1AtTrueRate),
          orNaN(ece),
          orNaN(applicabilityAuroc));
    }
  }

  private static @Nullable Double orNull(double v) {
    return Double.isNaN(v) ? null : v;
  }

  private static double orNaN(@Nullable Double v) {
    return v == null ? Double.NaN : v;
  }
}
