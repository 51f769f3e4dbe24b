package dev.vera.claims;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Ranking figures for claim matching, as CheckThat! 2021 Task 2B reports them. For one query with
 * relevant set R and ranking r1, r2, …: AP@k = Σ_{i ≤ k, r_i ∈ R} P@i / |R|; recall@k = |R ∩
 * {r1..rk}| / |R|. Each is averaged over queries (MAP@k, mean recall@k).
 */
public final class MatchMetrics {
  private MatchMetrics() {}

  /** One query's ranking (ids, best first) and its relevant ids. */
  public record Ranked(List<String> ranking, Set<String> relevant) {}

  public static double averagePrecisionAt(Ranked q, int k) {
    if (q.relevant().isEmpty()) {
      return 0;
    }
    int found = 0;
    double sum = 0;
    for (int i = 0; i < Math.min(k, q.ranking().size()); i++) {
      if (q.relevant().contains(q.ranking().get(i))) {
        found++;
        sum += (double) found / (i + 1);
      }
    }
    return sum / q.relevant().size();
  }

  public static double recallAt(Ranked q, int k) {
    if (q.relevant().isEmpty()) {
      return 0;
    }
    int found = 0;
    for (int i = 0; i < Math.min(k, q.ranking().size()); i++) {
      if (q.relevant().contains(q.ranking().get(i))) {
        found++;
      }
    }
    return (double) found / q.relevant().size();
  }

  public static double meanAveragePrecisionAt(List<Ranked> queries, int k) {
    return queries.stream().mapToDouble(q -> averagePrecisionAt(q, k)).average().orElse(Double.NaN);
  }

  public static double meanRecallAt(List<Ranked> queries, int k) {
    return queries.stream().mapToDouble(q -> recallAt(q, k)).average().orElse(Double.NaN);
  }

  /**
   * The similarity threshold under which a top hit is not shown, chosen for the F1 of shown top
   * hits: precision = correct shown / shown, recall = correct shown / queries. Halfway between
   * consecutive distinct scores.
   *
   * @param topScore each query's best score (or NaN with no hit)
   * @param topCorrect whether that best hit is relevant
   */
  public static double chooseMinScore(double[] topScore, boolean[] topCorrect) {
    int n = topScore.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(score(topScore[y]), score(topScore[x])));
    int shown = 0;
    int correct = 0;
    double best = -1;
    double bestThreshold = 0;
    for (int k = 0; k < n; k++) {
      int i = order[k];
      if (Double.isNaN(topScore[i])) {
        break;
      }
      shown++;
      correct += topCorrect[i] ? 1 : 0;
      if (k < n - 1 && score(topScore[order[k + 1]]) == topScore[i]) {
        continue;
      }
      double f1 = 2.0 * correct / (shown + n);
      if (f1 > best) {
        best = f1;
        double next =
            k == n - 1 || Double.isNaN(topScore[order[k + 1]]) ? 0 : topScore[order[k + 1]];
        bestThreshold = (topScore[i] + next) / 2;
      }
    }
    return bestThreshold;
  }

  private static double score(double s) {
    return Double.isNaN(s) ? Double.NEGATIVE_INFINITY : s;
  }
}
