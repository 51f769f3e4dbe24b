package dev.vera.claims;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Chooses an index's {@link MatchSettings} on the {@code valid} split of gold queries, in three
 * steps, each on the one before: the headline weight (MAP@5), then the embedding weight (MAP@5; it
 * must beat BM25 to count), then the similarity threshold (the F1 of shown top hits, {@link
 * MatchMetrics#chooseMinScore}). Every ranking tried is reported with its figures on every split.
 */
public final class MatchTuner {
  /** The split the choices are made on. */
  public static final String CHOOSE_ON = "valid";

  /** A weight must beat the best so far by more than this: ties keep the simpler ranking. */
  private static final double EPSILON = 1e-9;

  private MatchTuner() {}

  /** One ranking tried and its figures per split. */
  public record Trial(
      double titleWeight, double embeddingWeight, Map<String, MatchEvaluation.Ranking> bySplit) {}

  /** The best of {@link FactCheckIndex#TITLE_WEIGHTS}, BM25 alone. */
  public static double chooseTitleWeight(
      FactCheckIndex index, List<GoldMatches.Query> queries, Consumer<Trial> tried) {
    double best = 0;
    double bestMap = -1;
    for (double w : FactCheckIndex.TITLE_WEIGHTS) {
      double map = validMap(tried(index, queries, w, 0, tried));
      if (map > bestMap + EPSILON) {
        bestMap = map;
        best = w;
      }
    }
    return best;
  }

  /**
   * The best of {@link FactCheckIndex#EMBEDDING_WEIGHTS} with that headline weight, or 0 when no
   * mix beats BM25 alone (or the index has no embeddings).
   */
  public static double chooseEmbeddingWeight(
      FactCheckIndex index,
      List<GoldMatches.Query> queries,
      double titleWeight,
      Consumer<Trial> tried) {
    if (!index.hasEmbeddings()) {
      return 0;
    }
    // BM25 alone was measured while choosing the headline weight; it is measured again here
    // rather than passed in, so that each step stands alone.
    double bm25Map = validMap(MatchEvaluation.ranking(index, queries, titleWeight, 0));
    double best = 0;
    double bestMixMap = -1;
    for (double e : FactCheckIndex.EMBEDDING_WEIGHTS) {
      if (e == 0) {
        continue;
      }
      double map = validMap(tried(index, queries, titleWeight, e, tried));
      if (map > bestMixMap + EPSILON) {
        bestMixMap = map;
        if (map > bm25Map + EPSILON) {
          best = e;
        }
      }
    }
    return best;
  }

  /** The threshold that maximizes the F1 of shown top hits on the valid split. */
  public static double chooseMinScore(
      FactCheckIndex index,
      List<GoldMatches.Query> queries,
      double titleWeight,
      double embeddingWeight) {
    MatchSettings ranking = new MatchSettings(titleWeight, embeddingWeight, 0);
    List<MatchEvaluation.TopHit> tops =
        queries.stream()
            .filter(q -> q.split().equals(CHOOSE_ON))
            .map(q -> MatchEvaluation.topHit(index, q, ranking))
            .toList();
    double[] scores = new double[tops.size()];
    boolean[] correct = new boolean[tops.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = tops.get(i).score();
      correct[i] = tops.get(i).correct();
    }
    return MatchMetrics.chooseMinScore(scores, correct);
  }

  private static Map<String, MatchEvaluation.Ranking> tried(
      FactCheckIndex index,
      List<GoldMatches.Query> queries,
      double titleWeight,
      double embeddingWeight,
      Consumer<Trial> tried) {
    Map<String, MatchEvaluation.Ranking> bySplit =
        MatchEvaluation.ranking(index, queries, titleWeight, embeddingWeight);
    tried.accept(new Trial(titleWeight, embeddingWeight, bySplit));
    return bySplit;
  }

  private static double validMap(Map<String, MatchEvaluation.Ranking> bySplit) {
    MatchEvaluation.Ranking valid = bySplit.get(CHOOSE_ON);
    if (valid == null) {
      throw new IllegalArgumentException(
          "no split=" + CHOOSE_ON + " queries to choose the ranking on");
    }
    return valid.map5();
  }
}
