package dev.vera.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecisionCurveTest {
  /**
   * Six articles at reference log-odds -2 … 3, labelled real, fake, real, fake, fake, fake. Calling
   * the top three fake gives macro-F1 (6/7 + 4/5) / 2 = 0.829, the best of the six cuts (top two
   * 0.667, top four 0.625, top five 0.778): the cut lies halfway between 0 and 1.
   */
  @Test
  void atTheReferenceRateTheCutIsTheWeightedMacroF1Cut() {
    double[] s = {-2, -1, 0, 1, 2, 3};
    boolean[] fake = {false, true, false, true, true, true};
    double[] w = new double[6];
    Arrays.fill(w, 1);
    DecisionCurve curve = new DecisionCurve(s, fake, w, 4.0 / 6.0);
    double cut = curve.cut(4.0 / 6.0);
    assertEquals(ThresholdChoice.bestMacroF1(s, fake, w), cut, 0);
    assertEquals(0.5, cut, 0);
    assertEquals(LogisticFit.sigmoid(0.5), curve.threshold(4.0 / 6.0), 1e-12);
  }

  /** A rarer class of fake moves the cut up (fewer calls of fake), a commoner one down. */
  @Test
  void theCutFollowsTheBaseRate() {
    Random r = new Random(7);
    int n = 2000;
    double[] s = new double[n];
    boolean[] fake = new boolean[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      fake[i] = i % 2 == 0;
      s[i] = (fake[i] ? 1 : -1) + 1.5 * r.nextGaussian();
      w[i] = 1;
    }
    DecisionCurve curve = new DecisionCurve(s, fake, w, 0.5);
    double previous = Double.POSITIVE_INFINITY;
    for (double rate : new double[] {0.05, 0.2, 0.5, 0.8, 0.95}) {
      double cut = curve.cut(rate);
      assertTrue(
          cut <= previous + 1e-12, "cut at rate " + rate + " is " + cut + " after " + previous);
      previous = cut;
      // The threshold is the cut expressed at the rate: an article on the cut sits on it.
      assertEquals(
          LogisticFit.sigmoid(cut + BaseRate.shift(rate, 0.5)), curve.threshold(rate), 1e-12);
    }
    assertTrue(curve.cut(0.05) > curve.cut(0.95) + 1);
  }

  /** Reweighting a class is the same as repeating its articles. */
  @Test
  void classWeightsActLikeRepeatedArticles() {
    double[] s = {-1.2, -0.4, 0.3, 0.9, 1.7, -0.1, 0.6};
    boolean[] fake = {false, true, false, true, true, false, true};
    double[] ones = new double[s.length];
    Arrays.fill(ones, 1);
    // At rate 0.25 with 4 fake and 3 real of weight 1: fake weigh 0.25/4 each, real 0.75/3,
    // i.e. a real article counts four times a fake one.
    DecisionCurve curve = new DecisionCurve(s, fake, ones, 4.0 / 7.0);
    double[] w = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      w[i] = fake[i] ? 1 : 4;
    }
    assertEquals(ThresholdChoice.bestMacroF1(s, fake, w), curve.cut(0.25), 1e-12);
  }
}
