package dev.vera.model;

import dev.vera.text.FeatureConfig;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a training run. Lists are candidate values: each is tried and the one that does
 * best on the validation part is kept.
 *
 * @param name the model's human name
 * @param features the text features
 * @param cGrid candidate inverse regularization strengths
 * @param smoothingGrid candidate pseudo-counts for the source reputation
 * @param seed the seed for everything random
 * @param ratings published ratings of outlets for the source evidence, maybe none
 * @param neighbours how the nearest training articles are found and stacked with the linear score,
 *     or null for none
 * @param embeddings how a sentence-embedding classifier is trained and stacked with the linear
 *     score, or null for none (the default: it costs about 10 ms of CPU per article)
 * @param corpusBalance how corpora are weighted in the fit ({@link CorpusMix}): 0 counts every
 *     article alike, 1 gives every corpus the same total weight
 * @param corpusIntercepts whether each training corpus gets an intercept of its own in the fit, so
 *     that its share of fake is not learned from its vocabulary (the intercepts are dropped after
 *     training: the base rate enters through calibration instead); only with two corpora or more
 * @param maxPublisherShare a hashed feature more than this share of whose training articles come
 *     from one publisher is dropped as that publisher's boilerplate (1 keeps every feature)
 */
public record TrainingConfig(
    String name,
    FeatureConfig features,
    List<Double> cGrid,
    List<Double> smoothingGrid,
    long seed,
    OutletRatings ratings,
    NeighbourIndex.@Nullable Settings neighbours,
    EmbeddingHead.@Nullable Settings embeddings,
    double corpusBalance,
    boolean corpusIntercepts,
    double maxPublisherShare) {

  public TrainingConfig {
    if (!(maxPublisherShare > 0 && maxPublisherShare <= 1)) {
      throw new IllegalArgumentException(
          "the publisher share must lie in (0, 1], was " + maxPublisherShare);
    }
    if (!(corpusBalance >= 0 && corpusBalance <= 1)) {
      throw new IllegalArgumentException(
          "the corpus balance must lie in [0, 1], was " + corpusBalance);
    }
    if (cGrid.isEmpty()) {
      throw new IllegalArgumentException("at least one C value is needed");
    }
    for (double c : cGrid) {
      if (!(c > 0)) {
        throw new IllegalArgumentException("C values must be positive, was " + c);
      }
    }
    cGrid = List.copyOf(cGrid);
    smoothingGrid = List.copyOf(smoothingGrid);
  }

  /** The default model's settings. */
  public static TrainingConfig defaults() {
    return new TrainingConfig(
        "vera-fast",
        FeatureConfig.defaults(),
        List.of(0.5, 1.0, 2.0, 4.0),
        List.of(1.0, 3.0, 10.0, 30.0),
        42L,
        OutletRatings.NONE,
        NeighbourIndex.Settings.defaults(),
        null,
        1.0,
        true,
        1.0);
  }

  public TrainingConfig withName(String n) {
    return new TrainingConfig(
        n,
        features,
        cGrid,
        smoothingGrid,
        seed,
        ratings,
        neighbours,
        embeddings,
        corpusBalance,
        corpusIntercepts,
        maxPublisherShare);
  }

  public TrainingConfig withFeatures(FeatureConfig f) {
    return new TrainingConfig(
        name,
        f,
        cGrid,
        smoothingGrid,
        seed,
        ratings,
        neighbours,
        embeddings,
        corpusBalance,
        corpusIntercepts,
        maxPublisherShare);
  }

  public TrainingConfig withCGrid(List<Double> g) {
    return new TrainingConfig(
        name,
        features,
        g,
        smoothingGrid,
        seed,
        ratings,
        neighbours,
        embeddings,
        corpusBalance,
        corpusIntercepts,
        maxPublisherShare);
  }

  public TrainingConfig withSeed(long s) {
    return new TrainingConfig(
        name,
        features,
        cGrid,
        smoothingGrid,
        s,
        ratings,
        neighbours,
        embeddings,
        corpusBalance,
        corpusIntercepts,
        maxPublisherShare);
  }

  public TrainingConfig withRatings(OutletRatings r) {
    return new TrainingConfig(
        name,
        features,
        cGrid,
        smoothingGrid,
        seed,
        r,
        neighbours,
        embeddings,
        corpusBalance,
        corpusIntercepts,
        maxPublisherShare);
  }

  public TrainingConfig withNeighbours(NeighbourIndex.@Nullable Settings n) {
    return new TrainingConfig(
        name,
        features,
        cGrid,
        smoothingGrid,
        seed,
        ratings,
        n,
        embeddings,
        corpusBalance,
        corpusIntercepts,
        maxPublisherShare);
  }

  public TrainingConfig withCorpusBalance(double b) {
    return new TrainingConfig(
        name,
        features,
        cGrid,
        smoothingGrid,
        seed,
        ratings,
        neighbours,
        embeddings,
        b,
        corpusIntercepts,
        maxPublisherShare);
  }

  public TrainingConfig withCorpusIntercepts(boolean on) {
    return new TrainingConfig(
        name,
        features,
        cGrid,
        smoothingGrid,
        seed,
        ratings,
        neighbours,
        embeddings,
        corpusBalance,
        on,
        maxPublisherShare);
  }

  public TrainingConfig withMaxPublisherShare(double share) {
    return new TrainingConfig(
        name,
        features,
        cGrid,
        smoothingGrid,
        seed,
        ratings,
        neighbours,
        embeddings,
        corpusBalance,
        corpusIntercepts,
        share);
  }

  public TrainingConfig withEmbeddings(EmbeddingHead.@Nullable Settings e) {
    return new TrainingConfig(
        name,
        features,
        cGrid,
        smoothingGrid,
        seed,
        ratings,
        neighbours,
        e,
        corpusBalance,
        corpusIntercepts,
        maxPublisherShare);
  }
}
