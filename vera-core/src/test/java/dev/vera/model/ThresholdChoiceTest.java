package dev.vera.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ThresholdChoiceTest {

  /** Three fakes above three reals: the cut falls halfway between 0.7 and 0.4. */
  @Test
  void separableCaseCutsHalfwayBetweenTheClasses() {
    double[] p = {0.9, 0.2, 0.8, 0.3, 0.7, 0.4};
    boolean[] fake = {true, false, true, false, true, false};
    assertEquals(0.55, ThresholdChoice.bestMacroF1(p, fake), 1e-12);
  }

  /**
   * One fake scored low (0.35), below two reals: cutting at 0.6 misses it (macro-F1 0.829); cutting
   * at 0.3 to catch it would make both reals fake too (macro-F1 0.625).
   */
  @Test
  void overlappingCaseChoosesTheBestMacroF1() {
    double[] p = {0.95, 0.35, 0.7, 0.5, 0.4, 0.1};
    boolean[] fake = {true, true, true, false, false, false};
    assertEquals(0.6, ThresholdChoice.bestMacroF1(p, fake), 1e-12);
  }

  /** Tied probabilities are never split: the cut lies between distinct values. */
  @Test
  void tiesAreKeptTogether() {
    double[] p = {0.8, 0.5, 0.5, 0.2};
    boolean[] fake = {true, true, false, false};
    // Cutting above the tie and below it both give macro-F1 11/15; the first (higher) cut wins.
    assertEquals(0.65, ThresholdChoice.bestMacroF1(p, fake), 1e-12);
  }

  @Test
  void thresholdStaysInsideTheOpenInterval() {
    // All fake at the top: the best cut is below the lowest probability, clamped to 0.01.
    assertEquals(
        0.01,
        ThresholdChoice.bestMacroF1(new double[] {0.001, 0.0005}, new boolean[] {true, true}),
        0);
    assertEquals(
        0.99,
        ThresholdChoice.bestMacroF1(new double[] {1.0, 0.999}, new boolean[] {true, false}),
        0);
  }

  @Test
  void positiveF1ThresholdMaximizesTheF1OfThePositiveClassAlone() {
    // Sorted: 0.9 (+), 0.8 (-), 0.7 (+), 0.2 (-). F1 at cuts: 2/3, 1/2, 4/5, 2/3 → cut below 0.7.
    double t =
        ThresholdChoice.bestPositiveF1(
            new double[] {0.2, 0.9, 0.7, 0.8}, new boolean[] {false, true, true, false});
    assertEquals(0.45, t, 1e-12);
    // Macro-F1 weighs the negative class too: 11/15 both above 0.8 and below 0.7, the higher wins.
    assertEquals(
        0.85,
        ThresholdChoice.bestMacroF1(
            new double[] {0.2, 0.9, 0.7, 0.8}, new boolean[] {false, true, true, false}),
        1e-12);
  }
}
