package dev.vera.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ApplicabilityModelTest {
  /** Twenty validation measures 0.05, 0.10, …, 1.00, flagged below 0.05 (one in twenty). */
  private static final ApplicabilityModel MODEL = ApplicabilityModel.of(10, reference(), 0.05);

  private static double[] reference() {
    double[] r = new double[20];
    for (int i = 0; i < 20; i++) {
      r[19 - i] = (i + 1) * 0.05;
    }
    return r;
  }

  @Test
  void theScoreIsTheShareOfValidationArticlesLessSimilar() {
    assertEquals(0.0, MODEL.assess(0.01).score(), 1e-12);
    assertEquals(1.0, MODEL.assess(1.5).score(), 1e-12);
    // Between the 10th (0.50) and 11th (0.55) measures: 10 of 20 below.
    assertEquals(0.5, MODEL.assess(0.52).score(), 1e-12);
    // On a measure, ties count half: 0.50 has 9 below and 1 equal.
    assertEquals(9.5 / 20, MODEL.assess(0.50).score(), 1e-12);
    assertEquals(0.52, MODEL.assess(0.52).similarity(), 0);
  }

  @Test
  void flagsOnlyBelowTheLevel() {
    assertTrue(MODEL.assess(0.01).outsideExperience());
    // 0.05 is the lowest measure: half a rank of 20, 0.025, still under 0.05.
    assertTrue(MODEL.assess(0.05).outsideExperience());
    assertFalse(MODEL.assess(0.06).outsideExperience());
  }

  @Test
  void theDefaultLevelFlagsOneInTen() {
    ApplicabilityModel model =
        ApplicabilityModel.of(10, reference(), ApplicabilityModel.DEFAULT_FLAG_BELOW);
    // 0.10 is the second measure: 1.5 of 20 below, 0.075.
    assertTrue(model.assess(0.10).outsideExperience());
    // Just above it two of twenty are below: 0.10, not under the level.
    assertFalse(model.assess(0.11).outsideExperience());
  }

  @Test
  void refusesNonsense() {
    assertThrows(IllegalArgumentException.class, () -> ApplicabilityModel.of(0, reference(), 0.05));
    assertThrows(
        IllegalArgumentException.class, () -> ApplicabilityModel.of(10, new double[0], 0.05));
    assertThrows(IllegalArgumentException.class, () -> ApplicabilityModel.of(10, reference(), 1.0));
  }
}
