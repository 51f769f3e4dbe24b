package dev.vera.text;

import java.util.List;

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
 */
public record FeatureConfig(
    int hashBits,
    List<FeatureSpace> spaces,
    int wordMaxGram,
    int charMinGram,
    int charMaxGram,
    int minDf,
    boolean style) {

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
  }

  /** The settings of Vera's default model (chosen on GossipCop's validation part, see README). */
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
        true);
  }

  public int hashSize() {
    return 1 << hashBits;
  }

  /** Number of features in a vector: hashed slots then the style features. */
  public int dimension() {
    return hashSize() + (style ? StyleFeatures.NAMES.size() : 0);
  }
}
