package dev.vera.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BaseRateTest {
  /** Odds 4 (p = 0.8) at a rate of 0.3 (odds 3/7), re-expressed at 0.6 (odds 3/2): 4 · 3.5 = 14. */
  @Test
  void priorShiftMultipliesTheOddsByTheRatioOfTheRatesOdds() {
    assertEquals(14.0 / 15.0, BaseRate.reexpress(0.8, 0.3, 0.6), 1e-12);
    assertEquals(0.2, BaseRate.reexpress(0.5, 0.5, 0.2), 1e-12);
    assertEquals(0.8, BaseRate.reexpress(0.8, 0.37, 0.37), 1e-12);
    // There and back again.
    assertEquals(0.123, BaseRate.reexpress(BaseRate.reexpress(0.123, 0.4, 0.05), 0.05, 0.4), 1e-12);
  }

  @Test
  void shiftIsTheDifferenceOfTheLogOdds() {
    assertEquals(Math.log(1.5) - Math.log(3.0 / 7.0), BaseRate.shift(0.6, 0.3), 1e-12);
    assertEquals(0, BaseRate.shift(0.42, 0.42), 0);
  }

  @Test
  void refusesRatesOutsideTheOpenInterval() {
    for (double r : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
      assertThrows(IllegalArgumentException.class, () -> BaseRate.check(r), "rate " + r);
    }
    assertThrows(IllegalArgumentException.class, () -> new ScoringOptions(false, null, 1.0));
  }
}
