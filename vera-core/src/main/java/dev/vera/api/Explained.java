package dev.vera.api;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Check} and why: the evidence behind it, each piece with its weight in log-odds of fake
 * (positive pushes toward fake, negative toward credible). Immutable.
 *
 * @param check the judgement explained
 * @param towardFake the phrases that push hardest toward fake, strongest first
 * @param towardCredible the phrases that push hardest toward credible, strongest first
 * @param sentences the body's sentences whose removal moves the probability most
 * @param style the style signs (capitals, exclamation marks, …) and their weights
 * @param neighbours what the most similar training articles say, or null when the model reads none
 * @param embedding the sentence encoder's share of the log-odds, or null when the model has none
 */
public record Explained(
    Check check,
    List<Phrase> towardFake,
    List<Phrase> towardCredible,
    List<Sentence> sentences,
    List<Style> style,
    @Nullable Neighbours neighbours,
    @Nullable Double embedding) {

  public Explained {
    towardFake = List.copyOf(towardFake);
    towardCredible = List.copyOf(towardCredible);
    sentences = List.copyOf(sentences);
    style = List.copyOf(style);
  }

  /**
   * A word or word pair of the headline or body, over all its occurrences.
   *
   * @param inTitle whether it is the headline's (else the body's)
   * @param phrase the phrase, lower case
   * @param weight its contribution to the log-odds of fake
   */
  public record Phrase(boolean inTitle, String phrase, double weight) {}

  /**
   * A sentence of the body.
   *
   * @param text the sentence
   * @param start where it starts in the body (a character offset)
   * @param delta how much the probability of fake drops when it is left out (positive: the sentence
   *     pushes toward fake)
   */
  public record Sentence(String text, int start, double delta) {}

  /** A style sign: its value in the article and its contribution to the log-odds of fake. */
  public record Style(String feature, double value, double weight) {}

  /**
   * The training articles most similar in wording.
   *
   * @param consulted how many were consulted
   * @param fake how many of them were fake
   * @param weight their share of the log-odds of fake
   * @param nearest the nearest few, most similar first
   */
  public record Neighbours(int consulted, int fake, double weight, List<Neighbour> nearest) {
    public Neighbours {
      nearest = List.copyOf(nearest);
    }
  }

  /**
   * A training article near the one judged, as a reader can find it again.
   *
   * @param id its id in the training data, or null
   * @param fake whether it was labelled fake
   * @param similarity its cosine similarity in wording, in [0, 1]
   * @param title its title, or null when the model does not keep it
   * @param publisher its publisher's domain, or null when not known
   * @param date its publication date, or null when not known
   * @param url its address as the training corpus gives it, or null
   */
  public record Neighbour(
      @Nullable String id,
      boolean fake,
      double similarity,
      @Nullable String title,
      @Nullable String publisher,
      @Nullable LocalDate date,
      @Nullable String url) {}
}
