package dev.vera.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a model knows of the world it was trained on: its corpora and the base rate its
 * probabilities assume, where to cut for a feed of another base rate, and how to tell an article
 * unlike anything it learned from. Models written before Vera had these (model format 4 and older)
 * get a scope of their one training corpus, no curves and no applicability.
 *
 * @param mix the training corpora and their weights
 * @param textCurve the cut of the text score for any base rate, or null (older models: their stored
 *     threshold, re-expressed)
 * @param sourceCurve the same for the verdict with the source evidence, or null
 * @param applicability how familiar an article is, or null when the model cannot tell
 * @param domainCalibration each corpus's calibration, mixed by the corpora an article's nearest
 *     training articles come from; null when the model calibrates every article alike
 */
public record ModelScope(
    CorpusMix mix,
    @Nullable DecisionCurve textCurve,
    @Nullable DecisionCurve sourceCurve,
    @Nullable ApplicabilityModel applicability,
    @Nullable DomainCalibration domainCalibration) {

  /** A scope without domain calibration. */
  public ModelScope(
      CorpusMix mix,
      @Nullable DecisionCurve textCurve,
      @Nullable DecisionCurve sourceCurve,
      @Nullable ApplicabilityModel applicability) {
    this(mix, textCurve, sourceCurve, applicability, null);
  }

  /** The scope of a model trained before scopes existed: one corpus, its training counts. */
  public static ModelScope legacy(ModelCard card) {
    CorpusMix mix =
        new CorpusMix(
            0,
            List.of(
                new CorpusMix.Corpus(
                    "", card.data().trainArticles(), card.data().trainFake(), 1.0)));
    return new ModelScope(mix, null, null, null);
  }
}
