package dev.vera.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticFitTest {
  /** 40,000 draws from sigmoid(1.5 x - 0.5 + offset): the fit recovers 1.5 and -0.5. */
  @Test
  void recoversTheParametersAroundFixedOffsets() {
    Random r = new Random(3);
    int n = 40_000;
    double[][] x = new double[n][1];
    boolean[] y = new boolean[n];
    double[] offsets = new double[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = r.nextGaussian();
      offsets[i] = i % 2 == 0 ? 1.2 : -0.7;
      y[i] = r.nextDouble() < LogisticFit.sigmoid(1.5 * x[i][0] - 0.5 + offsets[i]);
    }
    double[] w = LogisticFit.fit(x, y, null, offsets);
    assertEquals(1.5, w[0], 0.05);
    assertEquals(-0.5, w[1], 0.05);
    // Without the offsets the intercept absorbs their mean and the slope shrinks.
    double[] plain = LogisticFit.fit(x, y);
    assertEquals(-0.5 + 0.25, plain[1], 0.1);
  }

  @Test
  void aWeightOfTwoIsTheExampleTwice() {
    double[][] x = {{-1}, {-0.5}, {0.2}, {0.4}, {1.1}, {2}};
    boolean[] y = {false, true, false, true, true, false};
    double[] w = {1, 2, 1, 1, 2, 1};
    double[][] twice = {{-1}, {-0.5}, {-0.5}, {0.2}, {0.4}, {1.1}, {1.1}, {2}};
    boolean[] y2 = {false, true, true, false, true, true, true, false};
    assertArrayEquals(LogisticFit.fit(twice, y2), LogisticFit.fit(x, y, w, null), 1e-9);
  }

  @Test
  void refusesOneClassAndNoData() {
    assertThrows(
        IllegalArgumentException.class, () -> LogisticFit.fit(new double[0][], new boolean[0]));
    boolean[] allFake = new boolean[3];
    Arrays.fill(allFake, true);
    assertThrows(
        IllegalArgumentException.class,
        () -> LogisticFit.fit(new double[][] {{1}, {2}, {3}}, allFake));
  }
}
