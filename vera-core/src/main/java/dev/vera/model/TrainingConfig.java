package dev.vera.model;

import dev.vera.text.FeatureConfig;
import java.util.List;
import java.util.Map;
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
 * @param ratings a published ratings list (domain to rating) for the source evidence, maybe empty
 * @param neighbours how the nearest training articles are found and stacked with the linear
 *     score, or null for none
 * @param embeddings how a sentence-embedding classifier is trained and stacked with the linear
 *     score, or null for none (the default: it costs about 10 ms of CPU per article)
 */
public record TrainingConfig(
    String name,
    FeatureConfig features,
    List<Double> cGrid,
    List<Double> smoothingGrid,
    long seed,
    Map<String, Integer> ratings,
    NeighbourIndex.@Nullable Settings neighbours,
    EmbeddingHead.@Nullable Settings embeddings) {

  public TrainingConfig {
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
    ratings = Map.copyOf(ratings);
  }

  /** The default model's settings. */
  public static TrainingConfig defaults() {
    return new TrainingConfig(
        "vera-fast",
        FeatureConfig.defaults(),
        List.of(0.5, 1.0, 2.0, 4.0),
        List.of(1.0, 3.0, 10.0, 30.0),
        42L,
        Map.of(),
        NeighbourIndex.Settings.defaults(),
        null);
  }

  public TrainingConfig withName(String n) {
    return new TrainingConfig(n, features, cGrid, smoothingGrid, seed, ratings, neighbours, embeddings);
  }

  public TrainingConfig withFeatures(FeatureConfig f) {
    return new TrainingConfig(name, f, cGrid, smoothingGrid, seed, ratings, neighbours, embeddings);
  }

  public TrainingConfig withCGrid(List<Double> g) {
    return new TrainingConfig(name, features, g, smoothingGrid, seed, ratings, neighbours, embeddings);
  }

  public TrainingConfig withSeed(long s) {
    return new TrainingConfig(name, features, cGrid, smoothingGrid, s, ratings, neighbours, embeddings);
  }

  public TrainingConfig withRatings(Map<String, Integer> r) {
    return new TrainingConfig(name, features, cGrid, smoothingGrid, seed, r, neighbours, embeddings);
  }

  public TrainingConfig withNeighbours(NeighbourIndex.@Nullable Settings n) {
    return new TrainingConfig(name, features, cGrid, smoothingGrid, seed, ratings, n, embeddings);
  }

  public TrainingConfig withEmbeddings(EmbeddingHead.@Nullable Settings e) {
    return new TrainingConfig(name, features, cGrid, smoothingGrid, seed, ratings, neighbours, e);
  }
}
