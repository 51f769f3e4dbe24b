package dev.vera.text;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How text becomes features; written into every model file so that scoring rebuilds exactly the
 * features training used.
 *
 * @param hashBits the hashed feature table has {@code 2^hashBits} slots
 * @param spaces the feature spaces in use
 * @param wordMaxGram word n-grams from 1 to this size
 * @param charMinGram smallest character n-gram
 * @param charMaxGram largest character n-gram
 * @param minDf a hashed feature must occur in at least this many training articles to be kept
 * @param style whether the {@link StyleFeatures} are used
 * @param spaceWeights each space's vector is L2-normalized then multiplied by its weight here (1
 *     when absent; weights of spaces not in use are dropped). Under one L2 penalty a smaller weight
 *     regularizes that space harder: on GossipCop's validation part, titles weighted below bodies
 *     lift ROC-AUC and macro-F1, because a headline is short and its n-grams are fitted too eagerly
 *     at the body's weight.
 */
public record FeatureConfig(
    int hashBits,
    List<FeatureSpace> spaces,
    int wordMaxGram,
    int charMinGram,
    int charMaxGram,
    int minDf,
    boolean style,
    Map<FeatureSpace, Double> spaceWeights) {

  /** A configuration with every space at weight 1. */
  public FeatureConfig(
      int hashBits,
      List<FeatureSpace> spaces,
      int wordMaxGram,
      int charMinGram,
      int charMaxGram,
      int minDf,
      boolean style) {
    this(hashBits, spaces, wordMaxGram, charMinGram, charMaxGram, minDf, style, Map.of());
  }

  public FeatureConfig {
    if (hashBits < 10 || hashBits > 24) {
      throw new IllegalArgumentException("hashBits must be 10..24, was " + hashBits);
    }
    if (spaces.isEmpty()) {
      throw new IllegalArgumentException("at least one feature space is needed");
    }
    if (minDf < 1) {
      throw new IllegalArgumentException("minDf must be at least 1, was " + minDf);
    }
    spaces = List.copyOf(spaces);
    EnumMap<FeatureSpace, Double> w = new EnumMap<>(FeatureSpace.class);
    for (Map.Entry<FeatureSpace, Double> e : spaceWeights.entrySet()) {
      double v = e.getValue();
      if (!(v > 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException(
            "the weight of " + e.getKey().wireName() + " must be a positive number, was " + v);
      }
      // A space not in use keeps no weight, so equal configurations stay equal.
      if (v != 1.0 && spaces.contains(e.getKey())) {
        w.put(e.getKey(), v);
      }
    }
    spaceWeights = Collections.unmodifiableMap(w);
  }

  /** The weight of a space (1 unless set). */
  public double weight(FeatureSpace space) {
    return spaceWeights.getOrDefault(space, 1.0);
  }

  /** This configuration with {@code space} weighted {@code weight}. */
  public FeatureConfig withWeight(FeatureSpace space, double weight) {
    EnumMap<FeatureSpace, Double> w = new EnumMap<>(FeatureSpace.class);
    w.putAll(spaceWeights);
    w.put(space, weight);
    return new FeatureConfig(
        hashBits, spaces, wordMaxGram, charMinGram, charMaxGram, minDf, style, w);
  }

  /**
   * The settings of Vera's default model: the spaces and weights chosen on GossipCop's validation
   * part; no style features, which a rewrite in another style changes first while leaving the
   * content as it was (docs/evaluation.md measures both).
   */
  public static FeatureConfig defaults() {
    return new FeatureConfig(
            20,
            List.of(
                FeatureSpace.TITLE_WORDS,
                FeatureSpace.BODY_WORDS,
                FeatureSpace.TITLE_CHARS,
                FeatureSpace.BODY_CHARS),
            2,
            3,
            5,
            2,
            false)
        .withWeight(FeatureSpace.TITLE_WORDS, 0.7)
        .withWeight(FeatureSpace.TITLE_CHARS, 0.5);
  }

  public int hashSize() {
    return 1 << hashBits;
  }

  /** Number of features in a vector: hashed slots then the style features. */
  public int dimension() {
    return hashSize() + (style ? StyleFeatures.NAMES.size() : 0);
  }
}
