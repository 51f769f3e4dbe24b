package dev.vera.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PlattCalibratorTest {

  /** Scores z ~ U(-4, 4) labelled fake with probability sigmoid(a z + b). */
  private static boolean[] sample(double[] z, double a, double b, long seed) {
    Random r = new Random(seed);
    boolean[] fake = new boolean[z.length];
    for (int i = 0; i < z.length; i++) {
      z[i] = -4 + 8 * r.nextDouble();
      fake[i] = r.nextDouble() < 1 / (1 + Math.exp(-(a * z[i] + b)));
    }
    return fake;
  }

  @Test
  void recoversTheLogisticThatMadeTheLabels() {
    double[] z = new double[40_000];
    boolean[] fake = sample(z, 2, -1, 7);
    PlattCalibrator c = PlattCalibrator.fit(z, fake);
    assertEquals(2.0, c.a(), 0.1);
    assertEquals(-1.0, c.b(), 0.1);
  }

  /**
   * LIBLINEAR orders its labels by first appearance; the fit must point toward fake whichever label
   * comes first, and an inverted relation must give a negative slope.
   */
  @Test
  void orientationDoesNotDependOnWhichLabelComesFirst() {
    double[] z = new double[20_000];
    boolean[] fake = sample(z, -1.5, 0.5, 11);
    // Make the first example fake in one copy and real in the other.
    int firstFake = 0;
    while (!fake[firstFake]) {
      firstFake++;
    }
    int firstReal = 0;
    while (fake[firstReal]) {
      firstReal++;
    }
    PlattCalibrator fakeFirst =
        PlattCalibrator.fit(swap(z, 0, firstFake), swap(fake, 0, firstFake));
    PlattCalibrator realFirst =
        PlattCalibrator.fit(swap(z, 0, firstReal), swap(fake, 0, firstReal));
    assertEquals(-1.5, fakeFirst.a(), 0.1);
    assertEquals(0.5, fakeFirst.b(), 0.1);
    assertEquals(fakeFirst.a(), realFirst.a(), 1e-6);
    assertEquals(fakeFirst.b(), realFirst.b(), 1e-6);
  }

  private static double[] swap(double[] a, int i, int j) {
    double[] c = a.clone();
    c[i] = a[j];
    c[j] = a[i];
    return c;
  }

  private static boolean[] swap(boolean[] a, int i, int j) {
    boolean[] c = a.clone();
    c[i] = a[j];
    c[j] = a[i];
    return c;
  }

  @Test
  void probabilityIsTheSigmoidOfTheLogOdds() {
    PlattCalibrator c = new PlattCalibrator(2, -1);
    assertEquals(1.0, c.logOdds(1), 0);
    assertEquals(-1.0, c.logOdds(0), 0);
    assertEquals(0.5, c.probability(0.5), 0);
    assertEquals(1 / (1 + Math.exp(-3)), c.probability(2), 1e-15);
    assertEquals(1 / (1 + Math.exp(5)), c.probability(-2), 1e-15);
    // Far out the probability saturates without overflowing to NaN.
    assertEquals(1.0, c.probability(1e6), 0);
    assertEquals(0.0, c.probability(-1e6), 0);
  }
}
