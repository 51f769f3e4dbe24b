package dev.vera.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DomainCalibrationTest {
  /**
   * Two corpora of 4,000 validation articles each, one scored twice as sharply as the other: each
   * corpus's own fit finds its slope, pulled a little (100 of 4,100) toward the pooled one.
   */
  @Test
  void eachCorpusGetsItsOwnSlopePulledTowardThePooledOne() {
    Random r = new Random(11);
    int n = 8000;
    double[] score = new double[n];
    boolean[] fake = new boolean[n];
    int[] corpus = new int[n];
    double[] offsets = new double[n];
    for (int i = 0; i < n; i++) {
      corpus[i] = i < n / 2 ? 0 : 1;
      score[i] = r.nextGaussian() * 2;
      double trueSlope = corpus[i] == 0 ? 2.0 : 0.5;
      fake[i] = r.nextDouble() < LogisticFit.sigmoid(trueSlope * score[i]);
    }
    PlattCalibrator pooled = PlattCalibrator.fit(score, fake);
    DomainCalibration d =
        DomainCalibration.fit(List.of("sharp", "soft"), pooled, score, fake, offsets, corpus);
    double n0 = n / 2.0;
    double own0 =
        (d.slope()[0] * (n0 + DomainCalibration.SHRINK) - DomainCalibration.SHRINK * pooled.a())
            / n0;
    assertEquals(2.0, own0, 0.15);
    double own1 =
        (d.slope()[1] * (n0 + DomainCalibration.SHRINK) - DomainCalibration.SHRINK * pooled.a())
            / n0;
    assertEquals(0.5, own1, 0.05);
    // An article's calibration mixes the corpora's by its nearest articles' shares.
    double[] half = {0.5, 0.5};
    assertEquals((d.slope()[0] + d.slope()[1]) / 2, d.slope(half), 1e-12);
    assertEquals(d.slope()[0] * 1.3 + d.intercept()[0], d.logOdds(1.3, new double[] {1, 0}), 1e-12);
    // Unknown shares: the pooled fit.
    assertEquals(pooled.logOdds(0.7), d.logOdds(0.7, null), 1e-12);
  }

  /** A corpus with one class in validation keeps the pooled fit; so does its cut. */
  @Test
  void aCorpusOfOneClassKeepsThePooledFitAndCut() {
    double[] score = {-2, -1, 0, 1, 2, 3, -1.5, 0.5};
    boolean[] fake = {false, false, true, true, true, false, true, true};
    int[] corpus = {0, 0, 0, 0, 0, 0, 1, 1};
    double[] offsets = new double[8];
    PlattCalibrator pooled = PlattCalibrator.fit(score, fake);
    DomainCalibration d =
        DomainCalibration.fit(List.of("a", "b"), pooled, score, fake, offsets, corpus);
    assertEquals(pooled.a(), d.slope()[1], 0);
    assertEquals(pooled.b(), d.intercept()[1], 0);
    double[] w = new double[8];
    Arrays.fill(w, 1);
    DecisionCurve curve = new DecisionCurve(score, fake, w, 0.5, corpus, 2);
    double[] cuts = curve.cuts(0.5);
    assertEquals(curve.cut(0.5), cuts[2], 0);
    assertEquals(cuts[2], cuts[1], 0);
    // Corpus a's own cut, pulled toward the pooled one by 100 of 106 articles' worth.
    assertEquals(cuts[0], DecisionCurve.cut(cuts, new double[] {1, 0}), 0);
    assertEquals(
        0.5 * cuts[0] + 0.5 * cuts[1], DecisionCurve.cut(cuts, new double[] {0.5, 0.5}), 1e-12);
    assertEquals(cuts[2], DecisionCurve.cut(cuts, null), 0);
  }
}
