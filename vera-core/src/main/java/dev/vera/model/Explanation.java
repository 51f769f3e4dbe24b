package dev.vera.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Why the model reached its verdict: phrases, sentences and style signs with their weights, in
 * log-odds of fake (positive pushes toward fake, negative toward credible).
 *
 * @param verdict the verdict explained
 * @param towardFake phrases with the largest positive contributions, strongest first
 * @param towardCredible phrases with the largest negative contributions, strongest first
 * @param sentences sentences of the body whose removal changes the probability most
 * @param style the style features and their contributions
 * @param intercept the score of an article with no features at all
 * @param neighbours what the most similar training articles say and their share of the log-odds, or
 *     null when the model reads no neighbours
 * @param embedding the sentence-embedding classifier's share of the log-odds, or null when the
 *     model has none
 */
public record Explanation(
    Verdict verdict,
    List<PhraseEvidence> towardFake,
    List<PhraseEvidence> towardCredible,
    List<SentenceEffect> sentences,
    List<StyleEvidence> style,
    double intercept,
    @Nullable NeighbourShare neighbours,
    @Nullable Double embedding) {

  /** The neighbours' evidence and its contribution to the log-odds of fake. */
  public record NeighbourShare(NeighbourEvidence evidence, double weight) {}

  /**
   * A word or word pair and its summed contribution over all its occurrences, character n-grams of
   * the word included.
   *
   * @param part {@code title} or {@code body}
   * @param phrase the phrase, lower case
   * @param weight its contribution to the log-odds of fake
   * @param occurrences where it occurs in its part, as character offsets
   */
  public record PhraseEvidence(String part, String phrase, double weight, List<Span> occurrences) {}

  /** A half-open character range {@code [start, end)} of the title or body. */
  public record Span(int start, int end) {}

  /**
   * A sentence of the body and how much the text probability of fake drops when it is removed
   * (positive: the sentence pushes toward fake).
   */
  public record SentenceEffect(String sentence, int start, int end, double delta) {}

  /** A style feature: its raw value, and its contribution to the log-odds of fake. */
  public record StyleEvidence(String feature, double value, double weight) {}
}
