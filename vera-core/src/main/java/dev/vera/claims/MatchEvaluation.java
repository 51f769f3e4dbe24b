package dev.vera.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Claim matching measured on gold queries ({@link GoldMatches}), per split: how well the index
 * ranks ({@link MatchMetrics}), how many top hits its threshold shows, and what {@code vera check
 * --claims --index} reports for the gold sentences. Reads the index only.
 */
public final class MatchEvaluation {
  /** Hits ranked per query, as CheckThat! 2021 2B scores them. */
  public static final int RANKED = 5;

  private MatchEvaluation() {}

  /** Ranking figures of one split. */
  public record Ranking(int queries, double map5, double recall1, double recall5) {}

  /**
   * Top hits shown at a threshold: {@code shown} of the {@code queries} had a top hit at or above
   * it, {@code correct} of those a relevant one.
   */
  public record ShownHits(int queries, int shown, int correct) {
    public double precision() {
      return shown == 0 ? 0 : (double) correct / shown;
    }

    public double recall() {
      return queries == 0 ? 0 : (double) correct / queries;
    }

    /** As {@link MatchMetrics#chooseMinScore} maximizes it. */
    public double f1() {
      return 2.0 * correct / (shown + queries);
    }
  }

  /**
   * What the claim checker reports for the gold sentences: {@code found} of the {@code queries}
   * came with a relevant fact-check among their matches, {@code foundBelowCut} of those although
   * the check-worthiness model scored them under its threshold.
   */
  public record Reported(int queries, int found, int foundBelowCut) {}

  /** MAP@5, recall@1 and recall@5 per split for a ranking with these weights. */
  public static Map<String, Ranking> ranking(
      FactCheckIndex index,
      List<GoldMatches.Query> queries,
      double titleWeight,
      double embeddingWeight) {
    Map<String, List<MatchMetrics.Ranked>> bySplit =
        bySplit(
            queries,
            q ->
                new MatchMetrics.Ranked(
                    index.search(q.text(), RANKED, titleWeight, embeddingWeight).stream()
                        .map(h -> h.factCheck().id())
                        .toList(),
                    q.relevant()));
    Map<String, Ranking> out = new LinkedHashMap<>();
    bySplit.forEach(
        (split, r) ->
            out.put(
                split,
                new Ranking(
                    r.size(),
                    MatchMetrics.meanAveragePrecisionAt(r, 5),
                    MatchMetrics.meanRecallAt(r, 1),
                    MatchMetrics.meanRecallAt(r, 5))));
    return out;
  }

  /**
   * Each query's best hit under {@code settings}' ranking: its score (NaN if none) and rightness.
   */
  public record TopHit(double score, boolean correct) {}

  public static TopHit topHit(FactCheckIndex index, GoldMatches.Query q, MatchSettings settings) {
    List<FactCheckIndex.Hit> hits = index.search(q.text(), 1, settings);
    return hits.isEmpty()
        ? new TopHit(Double.NaN, false)
        : new TopHit(hits.get(0).score(), q.relevant().contains(hits.get(0).factCheck().id()));
  }

  /** The top hits {@code settings}' threshold shows, per split. */
  public static Map<String, ShownHits> shownTopHits(
      FactCheckIndex index, List<GoldMatches.Query> queries, MatchSettings settings) {
    Map<String, List<TopHit>> bySplit = bySplit(queries, q -> topHit(index, q, settings));
    Map<String, ShownHits> out = new LinkedHashMap<>();
    bySplit.forEach(
        (split, tops) -> {
          int shown = 0;
          int correct = 0;
          for (TopHit t : tops) {
            if (t.score() >= settings.minScore()) {
              shown++;
              correct += t.correct() ? 1 : 0;
            }
          }
          out.put(split, new ShownHits(tops.size(), shown, correct));
        });
    return out;
  }

  /** What {@code checker} reports for each gold sentence, per split. */
  public static Map<String, Reported> reported(
      ClaimChecker checker, List<GoldMatches.Query> queries) {
    Map<String, List<Optional<CheckedClaim>>> bySplit =
        bySplit(queries, q -> firstRelevant(checker.check(q.text()), q.relevant()));
    Map<String, Reported> out = new LinkedHashMap<>();
    bySplit.forEach(
        (split, found) -> {
          int n = 0;
          int below = 0;
          for (Optional<CheckedClaim> c : found) {
            if (c.isPresent()) {
              n++;
              below += c.get().checkWorthy() ? 0 : 1;
            }
          }
          out.put(split, new Reported(found.size(), n, below));
        });
    return out;
  }

  /** The first reported sentence that came with a relevant fact-check. */
  private static Optional<CheckedClaim> firstRelevant(
      List<CheckedClaim> claims, Set<String> relevant) {
    return claims.stream()
        .filter(c -> c.matches().stream().anyMatch(h -> relevant.contains(h.factCheck().id())))
        .findFirst();
  }

  /** {@code f} of every query, grouped by split: train, valid and test first, then any other. */
  private static <T> Map<String, List<T>> bySplit(
      List<GoldMatches.Query> queries, Function<GoldMatches.Query, T> f) {
    Map<String, List<T>> out = new LinkedHashMap<>();
    for (String split : List.of("train", "valid", "test")) {
      out.put(split, new ArrayList<>());
    }
    for (GoldMatches.Query q : queries) {
      out.computeIfAbsent(q.split(), k -> new ArrayList<>()).add(f.apply(q));
    }
    out.values().removeIf(List::isEmpty);
    return out;
  }
}
