package dev.vera.eval;

import static dev.vera.eval.Scored.decided;
import static dev.vera.eval.Scored.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.article.Label;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

  private static final double EPS = 1e-12;

  /** 4 fake (3 called fake, 1 called real) and 6 real (2 called fake, 4 called real). */
  private static List<ScoredArticle> tenDecisions() {
    List<ScoredArticle> list = new ArrayList<>();
    for (int i = 0; i < 3; i++) list.add(decided(1, 1));
    list.add(decided(1, 0));
    for (int i = 0; i < 2; i++) list.add(decided(0, 1));
    for (int i = 0; i < 4; i++) list.add(decided(0, 0));
    return list;
  }

  @Test
  void decisionMetricsByHand() {
    Evaluation e = Evaluator.evaluate(tenDecisions(), 0.5, Label.REAL);
    // tp=3 fn=1 fp=2 tn=4
    assertEquals(new ConfusionMatrix(3, 1, 2, 4), e.confusionMatrix());
    assertEquals(10, e.n());
    // accuracy = (3 + 4) / 10
    assertEquals(0.7, e.accuracy(), EPS);
    // fake: P = 3/5 = 0.6, R = 3/4 = 0.75, F1 = 2·0.6·0.75 / 1.35 = 2/3
    ClassReport fake = e.perClass(Label.FAKE);
    assertEquals(0.6, fake.precision(), EPS);
    assertEquals(0.75, fake.recall(), EPS);
    assertEquals(2.0 / 3.0, fake.f1(), EPS);
    assertEquals(4, fake.support());
    // real: P = 4/5 = 0.8, R = 4/6 = 2/3, F1 = 2·0.8·(2/3) / (0.8 + 2/3) = (16/15)/(22/15) = 8/11
    ClassReport real = e.perClass(Label.REAL);
    assertEquals(0.8, real.precision(), EPS);
    assertEquals(2.0 / 3.0, real.recall(), EPS);
    assertEquals(8.0 / 11.0, real.f1(), EPS);
    assertEquals(6, real.support());
    // macro-F1 = (2/3 + 8/11) / 2 = (22/33 + 24/33) / 2 = 23/33
    assertEquals(23.0 / 33.0, e.macroF1(), EPS);
    assertEquals(
        List.of(Label.FAKE, Label.REAL), e.perClass().stream().map(ClassReport::label).toList());
  }

  @Test
  void f1IsZeroWhenAClassIsNeverPredictedNorPresent() {
    // Both real, both called real: fake has P = R = 0 (zero denominators), so F1 = 0.
    Evaluation e = Evaluator.evaluate(List.of(decided(0, 0), decided(0, 0)), 0.5, Label.REAL);
    assertEquals(0.0, e.perClass(Label.FAKE).f1());
    assertEquals(1.0, e.perClass(Label.REAL).f1());
    // macro = (0 + 1) / 2
    assertEquals(0.5, e.macroF1(), EPS);
  }

  @Test
  void baselineByHand() {
    // Majority REAL: always "real" is right on 6 of 10 -> 0.6; real P = 0.6, R = 1,
    // F1 = 1.2/1.6 = 0.75; fake is never predicted -> F1 0; macro = 0.375.
    Baseline real = Evaluator.evaluate(tenDecisions(), 0.5, Label.REAL).baseline();
    assertEquals(Label.REAL, real.label());
    assertEquals(0.6, real.accuracy(), EPS);
    assertEquals(0.375, real.macroF1(), EPS);
    // Majority FAKE (training data may differ from test): accuracy 0.4; fake P = 0.4, R = 1,
    // F1 = 0.8/1.4 = 4/7; macro = 2/7.
    Baseline fake = Evaluator.evaluate(tenDecisions(), 0.5, Label.FAKE).baseline();
    assertEquals(0.4, fake.accuracy(), EPS);
    assertEquals(2.0 / 7.0, fake.macroF1(), EPS);
  }

  @Test
  void rocAucWithTies() {
    // s=[0.1,0.4,0.35,0.8] y=[0,0,1,1]: ascending ranks 1,3,2,4; positive ranks 2+4 = 6;
    // AUC = (6 - 2·3/2) / (2·2) = 3/4.
    Evaluation e =
        Evaluator.evaluate(
            of(new int[] {0, 0, 1, 1}, new double[] {0.1, 0.4, 0.35, 0.8}), 0.5, Label.REAL);
    assertEquals(0.75, e.rocAuc(), EPS);
    // Tied pair: s=[0.5,0.5,0.2,0.9] y=[1,0,0,1]. Pairs (fake, real): (0.5,0.5) = 1/2, (0.5,0.2) =
    // 1,
    // (0.9,0.5) = 1, (0.9,0.2) = 1 -> 3.5/4 = 0.875.
    Evaluation tied =
        Evaluator.evaluate(
            of(new int[] {1, 0, 0, 1}, new double[] {0.5, 0.5, 0.2, 0.9}), 0.5, Label.REAL);
    assertEquals(0.875, tied.rocAuc(), EPS);
  }

  @Test
  void rocAucSeparableReversedAndOneClass() {
    int[] y = {0, 0, 1, 1};
    assertEquals(
        1.0,
        Evaluator.evaluate(of(y, new double[] {0.1, 0.2, 0.8, 0.9}), 0.5, Label.REAL).rocAuc(),
        EPS);
    assertEquals(
        0.0,
        Evaluator.evaluate(of(y, new double[] {0.8, 0.9, 0.1, 0.2}), 0.5, Label.REAL).rocAuc(),
        EPS);
    Evaluation oneClass =
        Evaluator.evaluate(of(new int[] {1, 1}, new double[] {0.3, 0.7}), 0.5, Label.FAKE);
    assertTrue(Double.isNaN(oneClass.rocAuc()));
    assertTrue(oneClass.roc().isEmpty());
    // Only fake: precision is 1 at every cut, AP = 1; only real: AP undefined.
    assertEquals(1.0, oneClass.prAuc(), EPS);
    Evaluation onlyReal =
        Evaluator.evaluate(of(new int[] {0, 0}, new double[] {0.3, 0.7}), 0.5, Label.REAL);
    assertTrue(Double.isNaN(onlyReal.prAuc()));
    assertTrue(onlyReal.pr().isEmpty());
  }

  @Test
  void averagePrecisionTheSklearnWay() {
    // y=[0,0,1,1] s=[0.1,0.4,0.35,0.8], by decreasing score:
    //   0.8 fake: tp1 fp0 P=1   R=0.5  -> +0.5·1
    //   0.4 real: tp1 fp1 P=1/2 R=0.5  -> +0
    //   0.35 fake: tp2 fp1 P=2/3 R=1   -> +0.5·2/3
    //   0.1 real: tp2 fp2 P=1/2 R=1    -> +0
    // AP = 0.5 + 1/3 = 5/6 = 0.8333...
    Evaluation e =
        Evaluator.evaluate(
            of(new int[] {0, 0, 1, 1}, new double[] {0.1, 0.4, 0.35, 0.8}), 0.5, Label.REAL);
    assertEquals(5.0 / 6.0, e.prAuc(), EPS);
    // Reversed, y=[1,1,0,0] s=[0.1,0.2,0.8,0.9]: 0.9, 0.8 real (R stays 0); 0.2 fake: P=1/3 R=1/2;
    // 0.1 fake: P=2/4 R=1. AP = 0.5·1/3 + 0.5·1/2 = 5/12.
    Evaluation reversed =
        Evaluator.evaluate(
            of(new int[] {1, 1, 0, 0}, new double[] {0.1, 0.2, 0.8, 0.9}), 0.5, Label.REAL);
    assertEquals(5.0 / 12.0, reversed.prAuc(), EPS);
  }

  @Test
  void averagePrecisionGroupsEqualScores() {
    // s=[0.5,0.5,0.2,0.9] y=[1,0,0,1], the tied fake listed first. Cut at 0.9: P=1 R=1/2.
    // Cut at 0.5 takes both tied articles at once: tp2 fp1 P=2/3 R=1. AP = 0.5 + 0.5·2/3 = 5/6.
    // (Breaking the tie fake-first would wrongly give 0.5 + 0.5·1 = 1.)
    Evaluation e =
        Evaluator.evaluate(
            of(new int[] {1, 0, 0, 1}, new double[] {0.5, 0.5, 0.2, 0.9}), 0.5, Label.REAL);
    assertEquals(5.0 / 6.0, e.prAuc(), EPS);
    // One PR point per distinct score after the (0, 1) start.
    assertEquals(
        List.of(
            new PrPoint(0.0, 1.0, Double.POSITIVE_INFINITY),
            new PrPoint(0.5, 1.0, 0.9),
            new PrPoint(1.0, 2.0 / 3.0, 0.5),
            new PrPoint(1.0, 0.5, 0.2)),
        e.pr());
  }

  @Test
  void rocCurveHasOriginAndEveryDistinctScore() {
    // Same tied data: N=2, P=2. Cuts: 0.9 -> tp1 fp0; 0.5 -> tp2 fp1; 0.2 -> tp2 fp2.
    Evaluation e =
        Evaluator.evaluate(
            of(new int[] {1, 0, 0, 1}, new double[] {0.5, 0.5, 0.2, 0.9}), 0.5, Label.REAL);
    assertEquals(
        List.of(
            new RocPoint(0.0, 0.0, Double.POSITIVE_INFINITY),
            new RocPoint(0.0, 0.5, 0.9),
            new RocPoint(0.5, 1.0, 0.5),
            new RocPoint(1.0, 1.0, 0.2)),
        e.roc());
  }

  @Test
  void eceByHand() {
    // p (truth): 0.95 (fake), 0.85 (real), 0.25 (real), 0.55 (fake).
    // confidence 0.95, 0.85, 0.75, 0.55; predicted fake, fake, real, fake; correct 1, 0, 1, 1.
    // Bins of width 1/30 over [0.5, 1]: 0.55 in (0.533, 0.567], 0.75 in (0.733, 0.767],
    // 0.85 in (0.833, 0.867], 0.95 in (0.933, 0.967] -- one article each, so
    // ECE = (|1-0.95| + |0-0.85| + |1-0.75| + |1-0.55|) / 4 = (0.05+0.85+0.25+0.45)/4 = 0.4.
    List<ScoredArticle> four = of(new int[] {1, 0, 0, 1}, new double[] {0.95, 0.85, 0.25, 0.55});
    assertEquals(0.4, Evaluator.evaluate(four, 0.5, Label.REAL).ece(), EPS);
    // Adding 0.94 (real): same bin as 0.95, bin accuracy 1/2, mean confidence 0.945, gap 0.445.
    // ECE = (2·0.445 + 0.85 + 0.25 + 0.45) / 5 = 2.44 / 5 = 0.488.
    List<ScoredArticle> five = new ArrayList<>(four);
    five.add(Scored.at(0, 0.94));
    assertEquals(0.488, Evaluator.evaluate(five, 0.5, Label.REAL).ece(), EPS);
  }

  @Test
  void eceIgnoresTheDecisionThreshold() {
    // ECE judges p >= 0.5, not the caller's decisions: calling everything real changes nothing.
    List<ScoredArticle> allReal = new ArrayList<>();
    for (ScoredArticle a : of(new int[] {1, 0, 0, 1}, new double[] {0.95, 0.85, 0.25, 0.55})) {
      allReal.add(new ScoredArticle(a.truth(), a.probabilityFake(), Label.REAL, null));
    }
    assertEquals(0.4, Evaluator.evaluate(allReal, 0.99, Label.REAL).ece(), EPS);
  }

  @Test
  void eceIsZeroWhenCalibratedByConstruction() {
    // 100 at p=0.81 with 81 fake: confidence 0.81, accuracy 81/100 -> gap 0.
    // 20 at p=0.35 with 13 real: confidence 0.65, accuracy of "real" 13/20 = 0.65 -> gap 0.
    List<ScoredArticle> list = new ArrayList<>();
    for (int i = 0; i < 100; i++) list.add(Scored.at(i < 81 ? 1 : 0, 0.81));
    for (int i = 0; i < 20; i++) list.add(Scored.at(i < 13 ? 0 : 1, 0.35));
    assertEquals(0.0, Evaluator.evaluate(list, 0.5, Label.FAKE).ece(), 1e-12);
  }

  @Test
  void eceBinEdges() {
    double[] edges = Metrics.edges(0.5, 1.0, 15);
    assertEquals(16, edges.length);
    assertEquals(0.5, edges[0]);
    assertEquals(1.0, edges[15]);
    // First bin closed on both ends, the others (a, b].
    assertEquals(0, Metrics.bin(0.5, edges));
    assertEquals(0, Metrics.bin(edges[1], edges));
    assertEquals(1, Metrics.bin(Math.nextUp(edges[1]), edges));
    assertEquals(14, Metrics.bin(1.0, edges));
  }

  @Test
  void brierByHand() {
    // (0.95-1)² + (0.85-0)² + (0.25-0)² + (0.55-1)² = 0.0025 + 0.7225 + 0.0625 + 0.2025 = 0.99;
    // / 4 = 0.2475.
    Evaluation e =
        Evaluator.evaluate(
            of(new int[] {1, 0, 0, 1}, new double[] {0.95, 0.85, 0.25, 0.55}), 0.5, Label.REAL);
    assertEquals(0.2475, e.brier(), EPS);
  }

  @Test
  void reliabilityBins() {
    // Bins of width 1/15 over [0, 1]. 0.0 -> bin 0; 0.5 -> bin 7 (7/15=0.467 < 0.5 <= 8/15);
    // 0.52 -> bin 7; 1.0 -> bin 14.
    Evaluation e =
        Evaluator.evaluate(
            of(new int[] {0, 1, 0, 1}, new double[] {0.0, 0.5, 0.52, 1.0}), 0.5, Label.REAL);
    List<ReliabilityBin> bins = e.reliability();
    assertEquals(15, bins.size());
    assertEquals(0.0, bins.get(0).lower());
    assertEquals(1.0 / 15.0, bins.get(0).upper(), EPS);
    assertEquals(1.0, bins.get(14).upper());
    assertEquals(1, bins.get(0).count());
    assertEquals(2, bins.get(7).count());
    assertEquals(1, bins.get(14).count());
    // Bin 7: mean predicted (0.5 + 0.52)/2 = 0.51, one fake of two -> 0.5.
    assertEquals(0.51, bins.get(7).meanPredicted(), EPS);
    assertEquals(0.5, bins.get(7).observedFakeFraction(), EPS);
    assertTrue(Double.isNaN(bins.get(3).meanPredicted()));
    assertTrue(Double.isNaN(bins.get(3).observedFakeFraction()));
    assertEquals(4, bins.stream().mapToInt(ReliabilityBin::count).sum());
  }

  @Test
  void perSourceKeepsSourcesWithFiveOrMoreByDecreasingSize() {
    List<ScoredArticle> list = new ArrayList<>();
    // a.com: 6 articles, 2 fake; p 0.9 for fakes and 0.2 for reals -> all right.
    for (int i = 0; i < 6; i++) list.add(Scored.from("a.com", i < 2 ? 1 : 0, i < 2 ? 0.9 : 0.2));
    // b.com: 5 fake all at p 0.4 -> all called real, accuracy 0.
    for (int i = 0; i < 5; i++) list.add(Scored.from("b.com", 1, 0.4));
    for (int i = 0; i < 4; i++) list.add(Scored.from("c.com", 0, 0.1)); // too few
    for (int i = 0; i < 5; i++) list.add(Scored.from(null, 0, 0.1)); // unknown source
    Evaluation e = Evaluator.evaluate(list, 0.5, Label.REAL, true);
    List<SourceReport> sources = e.perSource();
    assertEquals(List.of("a.com", "b.com"), sources.stream().map(SourceReport::source).toList());
    // a.com: fake share 2/6, mean p (2·0.9 + 4·0.2)/6 = 2.6/6, accuracy 1.
    assertSource(sources.get(0), 6, 2.0 / 6.0, 2.6 / 6.0, 1.0);
    // b.com: all fake, mean p 0.4, all called real.
    assertSource(sources.get(1), 5, 1.0, 0.4, 0.0);
    assertNull(Evaluator.evaluate(list, 0.5, Label.REAL).perSource());
  }

  @Test
  void perSourceStopsAtFifty() {
    List<ScoredArticle> list = new ArrayList<>();
    for (int s = 0; s < 60; s++) {
      for (int i = 0; i < 5 + (s == 59 ? 1 : 0); i++)
        list.add(Scored.from(String.format("s%02d.com", s), 0, 0.1));
    }
    List<SourceReport> sources = Evaluator.evaluate(list, 0.5, Label.REAL, true).perSource();
    assertEquals(50, sources.size());
    // s59 has 6 and comes first; the others tie at 5 and follow by name.
    assertEquals("s59.com", sources.get(0).source());
    assertEquals("s00.com", sources.get(1).source());
    assertEquals("s48.com", sources.get(49).source());
  }

  @Test
  void rejectsBadInput() {
    assertThrows(
        IllegalArgumentException.class, () -> Evaluator.evaluate(List.of(), 0.5, Label.REAL));
    assertThrows(
        IllegalArgumentException.class,
        () -> Evaluator.evaluate(List.of(Scored.at(1, 0.5)), 1.5, Label.REAL));
    assertThrows(IllegalArgumentException.class, () -> Scored.at(1, 1.01));
    assertThrows(IllegalArgumentException.class, () -> Scored.at(1, Double.NaN));
  }

  private static void assertSource(
      SourceReport r, int n, double fakeShare, double meanP, double accuracy) {
    assertEquals(n, r.n());
    assertEquals(fakeShare, r.fakeShare(), EPS);
    assertEquals(meanP, r.meanProbabilityFake(), EPS);
    assertEquals(accuracy, r.accuracy(), EPS);
  }
}
