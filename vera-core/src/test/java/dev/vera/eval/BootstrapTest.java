package dev.vera.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BootstrapTest {
  /** Eight articles, half fake; the last two decisions are wrong. */
  private static final boolean[] FAKE = {true, true, true, true, false, false, false, false};

  private static final boolean[] CALLED = {true, true, true, false, false, false, false, true};

  @Test
  void keepingEveryDecisionGainsNothing() {
    boolean[] all = new boolean[FAKE.length];
    Arrays.fill(all, true);
    double[] draws = Bootstrap.keptGainDraws(FAKE, CALLED, all, 7);
    assertEquals(Bootstrap.DRAWS, draws.length);
    assertTrue(Arrays.stream(draws).allMatch(d -> d == 0), Arrays.toString(draws));
  }

  @Test
  void leavingTheWrongDecisionsOutGainsInEveryDraw() {
    boolean[] kept = {true, true, true, false, true, true, true, false};
    double[] draws = Bootstrap.keptGainDraws(FAKE, CALLED, kept, 7);
    // Kept decisions are all right: macro-F1 1 (or 0.5 with one class drawn), all of them less.
    Bootstrap.Interval i = Bootstrap.interval(draws);
    assertTrue(i.low() >= 0 && i.high() > 0.2, i.toString());
    assertArrayEquals(
        draws, Bootstrap.keptGainDraws(FAKE, CALLED, kept, 7), "same seed, same draws");
  }

  @Test
  void theIntervalLeavesOutDrawsWithNothingKept() {
    double[] draws = {Double.NaN, 0.1, 0.2, Double.NaN, 0.3};
    Bootstrap.Interval i = Bootstrap.interval(draws);
    assertEquals(0.105, i.low(), 1e-12);
    assertEquals(0.295, i.high(), 1e-12);
  }

  @Test
  void aCalibratedModelShowsMoreEceOnFewerArticles() {
    double[] few = new double[100];
    double[] many = new double[10_000];
    for (int i = 0; i < many.length; i++) {
      many[i] = 0.05 + 0.9 * (i % 100) / 99.0;
    }
    System.arraycopy(many, 0, few, 0, few.length);
    Bootstrap.Interval small = Bootstrap.eceIfCalibrated(few, 3);
    Bootstrap.Interval large = Bootstrap.eceIfCalibrated(many, 3);
    assertTrue(small.low() > 0.02 && small.high() < 0.3, small.toString());
    assertTrue(large.high() < small.low(), large + " against " + small);
  }
}
