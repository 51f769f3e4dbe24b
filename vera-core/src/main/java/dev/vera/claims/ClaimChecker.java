package dev.vera.claims;

import dev.vera.text.Sentence;
import dev.vera.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Finds an article's check-worthy sentences and the published fact-checks closest to each: the one
 * path the CLI and the server share. With an index, every sentence is looked up, and one close
 * enough to a fact-check is reported whatever its check-worthiness: a claim already checked is
 * worth showing even when the model would not have picked it. Thread-safe.
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
   * @param minScore the similarity under which a fact-check is not shown; null takes the index's
   *     own (a default recorded by {@code vera index build}, or tuned by {@code vera index tune})
   */
  public ClaimChecker(
      CheckWorthinessModel model, @Nullable FactCheckIndex index, @Nullable Double minScore) {
    this.model = model;
    this.index = index;
    if (index != null && minScore == null && index.minScore() == null) {
      throw new IllegalArgumentException(
          "the fact-check index has no similarity threshold (it was built by an older Vera):"
              + " rebuild it with 'vera index build', tune it with 'vera index tune', or give one"
              + " (--min-score)");
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

  /**
   * The sentences of {@code text} worth reporting, in order: those the model finds check-worthy,
   * and those with a fact-check at or above the similarity threshold.
   */
  public List<CheckedClaim> check(String text) {
    List<CheckedClaim> out = new ArrayList<>();
    double threshold = model.threshold();
    for (Sentence s : SentenceSplitter.ENGLISH.split(text)) {
      double p = model.probability(s.text());
      List<FactCheckIndex.Hit> matches = matches(s.text());
      if (p >= threshold || !matches.isEmpty()) {
        out.add(new CheckedClaim(s, p, p >= threshold, matches));
      }
    }
    return out;
  }

  private List<FactCheckIndex.Hit> matches(String sentence) {
    List<FactCheckIndex.Hit> matches = new ArrayList<>();
    if (index != null) {
      for (FactCheckIndex.Hit h : index.search(sentence, maxMatches)) {
        if (h.score() >= minScore) {
          matches.add(h);
        }
      }
    }
    return matches;
  }
}
