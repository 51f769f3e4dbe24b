package dev.vera.claims;

import dev.vera.text.Sentence;
import java.util.List;

/**
 * A check-worthy sentence of an article and the published fact-checks closest to it.
 *
 * @param sentence the sentence and where it lies in the article's body
 * @param probability the probability that it is check-worthy
 * @param matches fact-checks at or above the index's similarity threshold, best first (empty when
 *     no index is used or none is close enough)
 */
public record CheckedClaim(Sentence sentence, double probability, List<FactCheckIndex.Hit> matches) {
  public CheckedClaim {
    matches = List.copyOf(matches);
  }
}
