package dev.vera.claims;

/**
 * How a fact-check index ranks and filters: BM25 on the claim plus {@code titleWeight} times BM25
 * on the headline, mixed with the embeddings' cosine at {@code embeddingWeight} (see {@link
 * FactCheckIndex}), and the similarity under which a hit is not shown.
 *
 * @param titleWeight weight of headline matches; 0 ranks by the claim alone
 * @param embeddingWeight weight of the embeddings' cosine; 0 ranks by BM25 alone
 * @param minScore the similarity at or above which a fact-check is shown
 */
public record MatchSettings(double titleWeight, double embeddingWeight, double minScore) {
  /**
   * What {@code vera index build} records in an index with embeddings: the choice of {@code vera
   * index tune} on CheckThat! 2021 2B's validation part (docs/claims.md), so that an index works
   * without a gold set of one's own.
   */
  public static final MatchSettings DEFAULT_WITH_EMBEDDINGS = new MatchSettings(0.5, 0.75, 0.624);

  /** The same choice for an index without embeddings ({@code --no-embeddings}): BM25 alone. */
  public static final MatchSettings DEFAULT_BM25 = new MatchSettings(0.5, 0, 8.232);

  /** Says where the defaults come from, in an index's manifest. */
  public static final String DEFAULT_CHOSEN_ON =
      "default: chosen by 'vera index tune' on CheckThat! 2021 2B split=valid (docs/claims.md)";

  /** The default settings for an index with or without the claims' embeddings. */
  public static MatchSettings defaults(boolean embeddings) {
    return embeddings ? DEFAULT_WITH_EMBEDDINGS : DEFAULT_BM25;
  }
}
