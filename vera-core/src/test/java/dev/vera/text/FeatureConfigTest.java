package dev.vera.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureConfigTest {
  private static final List<FeatureSpace> ONE = List.of(FeatureSpace.BODY_WORDS);

  private static String error(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void hashBitsMustBe10To24() {
    assertEquals(
        "hashBits must be 10..24, was 9", error(() -> new FeatureConfig(9, ONE, 2, 3, 5, 2, true)));
    assertEquals(
        "hashBits must be 10..24, was 25",
        error(() -> new FeatureConfig(25, ONE, 2, 3, 5, 2, true)));
    assertEquals(
        "hashBits must be 10..24, was -1",
        error(() -> new FeatureConfig(-1, ONE, 2, 3, 5, 2, true)));
    assertEquals(1 << 10, new FeatureConfig(10, ONE, 2, 3, 5, 2, true).hashSize());
    assertEquals(1 << 24, new FeatureConfig(24, ONE, 2, 3, 5, 2, false).hashSize());
  }

  @Test
  void spacesMustNotBeEmpty() {
    assertEquals(
        "at least one feature space is needed",
        error(() -> new FeatureConfig(18, List.of(), 2, 3, 5, 2, true)));
  }

  @Test
  void minDfMustBeAtLeast1() {
    assertEquals(
        "minDf must be at least 1, was 0",
        error(() -> new FeatureConfig(18, ONE, 2, 3, 5, 0, true)));
    assertEquals(
        "minDf must be at least 1, was -3",
        error(() -> new FeatureConfig(18, ONE, 2, 3, 5, -3, true)));
    assertEquals(1, new FeatureConfig(18, ONE, 2, 3, 5, 1, true).minDf());
  }

  @Test
  void spacesAreCopied() {
    List<FeatureSpace> spaces = new ArrayList<>(ONE);
    FeatureConfig c = new FeatureConfig(18, spaces, 2, 3, 5, 2, true);
    spaces.add(FeatureSpace.TITLE_CHARS);
    assertEquals(ONE, c.spaces());
    assertThrows(
        UnsupportedOperationException.class, () -> c.spaces().add(FeatureSpace.TITLE_WORDS));
  }

  @Test
  void dimensionIsHashSizePlusStyle() {
    assertEquals((1 << 12) + 10, new FeatureConfig(12, ONE, 2, 3, 5, 2, true).dimension());
    assertEquals(1 << 12, new FeatureConfig(12, ONE, 2, 3, 5, 2, false).dimension());
  }

  @Test
  void defaults() {
    assertEquals(
        new FeatureConfig(
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
            false,
            Map.of(FeatureSpace.TITLE_WORDS, 0.7, FeatureSpace.TITLE_CHARS, 0.5)),
        FeatureConfig.defaults());
    assertEquals(1 << 20, FeatureConfig.defaults().dimension());
  }

  @Test
  void spaceWeightsArePositiveAndDefaultToOne() {
    FeatureConfig c =
        new FeatureConfig(
            12, List.of(FeatureSpace.TITLE_WORDS, FeatureSpace.BODY_WORDS), 2, 3, 5, 2, true);
    assertEquals(1.0, c.weight(FeatureSpace.TITLE_WORDS), 0.0);
    FeatureConfig w = c.withWeight(FeatureSpace.TITLE_WORDS, 0.25);
    assertEquals(0.25, w.weight(FeatureSpace.TITLE_WORDS), 0.0);
    assertEquals(1.0, w.weight(FeatureSpace.BODY_WORDS), 0.0);
    // A weight of 1 is the absence of a weight: the two configurations are equal.
    assertEquals(c, w.withWeight(FeatureSpace.TITLE_WORDS, 1.0));
    // So is the weight of a space not in use.
    assertEquals(c, c.withWeight(FeatureSpace.BODY_CHARS, 3.0));
    for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertEquals(
          "the weight of title-words must be a positive number, was " + bad,
          error(() -> c.withWeight(FeatureSpace.TITLE_WORDS, bad)));
    }
  }
}
