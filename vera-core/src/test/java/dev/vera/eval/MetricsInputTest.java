package dev.vera.eval;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.model.ThresholdChoice;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A NaN probability is refused with a message, never looped over: a NaN is unequal to itself, so
 * the ROC sweep's tie group around it never ended (and then ran past its arrays).
 */
class MetricsInputTest {
  private static final double[] WITH_NAN = {0.9, Double.NaN, 0.2, 0.4};
  private static final boolean[] FAKE = {true, true, false, false};

  @Test
  void theSweepRefusesANaNProbabilityNamingIt() {
    IllegalArgumentException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10),
            () ->
                assertThrows(
                    IllegalArgumentException.class, () -> Metrics.Sweep.of(WITH_NAN, FAKE)));
    assertTrue(e.getMessage().contains("probability 2 of 4 is NaN"), e.getMessage());
  }

  @Test
  void theThresholdChoiceRefusesThemToo() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ThresholdChoice.bestMacroF1(WITH_NAN, FAKE));
    assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ThresholdChoice.bestPositiveF1(
                new double[] {0.5, Double.POSITIVE_INFINITY}, new boolean[] {true, false}));
  }
}
