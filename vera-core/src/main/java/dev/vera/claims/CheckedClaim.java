package dev.vera.claims;

import dev.vera.text.Sentence;
import java.util.List;

/**
 * A sentence of an article worth a reader's attention: check-worthy, or close to a published
 * fact-check (or both), with the fact-checks closest to it.
 *
 * @param sentence the sentence and where it lies in the article's body
 * @param probability the probability that it is check-worthy
 * @param checkWorthy whether that probability reaches the model's threshold (a sentence below it is
 *     reported for its matches alone)
 * @param matches fact-checks at or above the index's similarity threshold, best first (empty when
 *     no index is used or none is close enough)
 */
public record CheckedClaim(
    Sentence sentence, double probability, boolean checkWorthy, List<FactCheckIndex.Hit> matches) {
  public CheckedClaim {
    matches = List.copyOf(matches);
  }
}
