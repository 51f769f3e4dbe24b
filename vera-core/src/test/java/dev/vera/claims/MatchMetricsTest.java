package dev.vera.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A hand-made gold set with MAP computed by hand. */
class MatchMetricsTest {
  // q1: relevant {a}, ranked a b c → AP@5 = 1, R@1 = 1, R@5 = 1.
  // q2: relevant {a, b}, ranked x a y b z → AP@5 = (1/2 + 2/4) / 2 = 0.5, R@1 = 0, R@5 = 1.
  // q3: relevant {c}, ranked x y z w v c → AP@5 = 0 (c at rank 6), R@1 = 0, R@5 = 0.
  // q4: relevant {d, e}, ranked e → AP@5 = (1/1) / 2 = 0.5, R@1 = 0.5, R@5 = 0.5.
  static final List<MatchMetrics.Ranked> GOLD =
      List.of(
          new MatchMetrics.Ranked(List.of("a", "b", "c"), Set.of("a")),
          new MatchMetrics.Ranked(List.of("x", "a", "y", "b", "z"), Set.of("a", "b")),
          new MatchMetrics.Ranked(List.of("x", "y", "z", "w", "v", "c"), Set.of("c")),
          new MatchMetrics.Ranked(List.of("e"), Set.of("d", "e")));

  @Test
  void mapAndRecallMatchTheHandComputedFigures() {
    assertEquals((1 + 0.5 + 0 + 0.5) / 4, MatchMetrics.meanAveragePrecisionAt(GOLD, 5), 1e-12);
    assertEquals((1 + 0 + 0 + 0.5) / 4, MatchMetrics.meanRecallAt(GOLD, 1), 1e-12);
    assertEquals((1 + 1 + 0 + 0.5) / 4, MatchMetrics.meanRecallAt(GOLD, 5), 1e-12);
    // At k = 6 the third query finds c at rank 6: AP = 1/6.
    assertEquals(
        (1 + 0.5 + 1.0 / 6 + 0.5) / 4, MatchMetrics.meanAveragePrecisionAt(GOLD, 6), 1e-12);
  }

  @Test
  void thresholdKeepsTheTopHitsThatPayForThemselves() {
    // Scores 9 (right), 7 (wrong), 5 (right), 3 (wrong), no hit; 5 queries.
    // F1 = 2·correct / (shown + 5): 2/6, 2/7, 4/8, 4/9 → best with 3 shown: cut between 5 and 3.
    double t =
        MatchMetrics.chooseMinScore(
            new double[] {7, 9, Double.NaN, 3, 5}, new boolean[] {false, true, false, false, true});
    assertEquals(4.0, t, 1e-12);
  }
}
