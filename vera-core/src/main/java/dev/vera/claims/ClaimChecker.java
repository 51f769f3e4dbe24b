package dev.vera.claims;

import dev.vera.text.Sentence;
import dev.vera.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Finds an article's check-worthy sentences and the published fact-checks closest to each: the one
 * path the CLI and the server share. Thread-safe.
 */
public final class ClaimChecker {
  /** Fact-checks shown per sentence at most. */
  public static final int DEFAULT_MATCHES = 3;

  private final CheckWorthinessModel model;
  private final @Nullable FactCheckIndex index;
  private final double minScore;
  private final int maxMatches;

  /**
   * @param index fact-checks to match against, or null for check-worthiness alone
   * @param minScore the BM25 similarity under which a fact-check is not shown; null takes the
   *     index's own (chosen on validation by {@code vera index eval})
   */
  public ClaimChecker(
      CheckWorthinessModel model, @Nullable FactCheckIndex index, @Nullable Double minScore) {
    this.model = model;
    this.index = index;
    if (index != null && minScore == null && index.minScore() == null) {
      throw new IllegalArgumentException(
          "the fact-check index has no similarity threshold yet: run 'vera index eval' on it with"
              + " a gold set, or give one (--min-score)");
    }
    this.minScore = minScore != null ? minScore : index != null ? index.minScore() : 0;
    this.maxMatches = DEFAULT_MATCHES;
  }

  public CheckWorthinessModel model() {
    return model;
  }

  public double minScore() {
    return minScore;
  }

  public boolean hasIndex() {
    return index != null;
  }

  /** The check-worthy sentences of {@code text}, in order, each with its fact-checks. */
  public List<CheckedClaim> check(String text) {
    List<CheckedClaim> out = new ArrayList<>();
    double threshold = model.threshold();
    for (Sentence s : SentenceSplitter.ENGLISH.split(text)) {
      double p = model.probability(s.text());
      if (p < threshold) {
        continue;
      }
      List<FactCheckIndex.Hit> matches = new ArrayList<>();
      if (index != null) {
        for (FactCheckIndex.Hit h : index.search(s.text(), maxMatches)) {
          if (h.score() >= minScore) {
            matches.add(h);
          }
        }
      }
      out.add(new CheckedClaim(s, p, matches));
    }
    return out;
  }
}
