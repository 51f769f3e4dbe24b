package dev.vera.model;

import dev.vera.article.Article;
import dev.vera.embed.ArticleEmbedder;
import dev.vera.embed.SentenceEncoder;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A logistic-regression score over an article's sentence embedding ({@link ArticleEmbedder}): what
 * a pretrained encoder's reading of the text adds to the n-grams. Its score enters the {@link
 * ScoreStack} beside the linear score. The encoder is the one bundled with Vera; a model trained
 * with another refuses to load.
 *
 * @param encoderId the {@link SentenceEncoder#id()} the weights were fitted on
 * @param bodyWindows how many body windows the embedder reads
 * @param weights one weight per embedding dimension ({@link ArticleEmbedder#DIMENSION})
 * @param bias the intercept
 * @param c the inverse regularization strength chosen on validation
 */
public record EmbeddingHead(
    String encoderId, int bodyWindows, float[] weights, double bias, double c) {

  /**
   * How to train a head.
   *
   * @param bodyWindows how many windows of the body are embedded
   * @param cGrid candidate inverse regularization strengths, chosen by validation ROC-AUC
   */
  public record Settings(int bodyWindows, List<Double> cGrid) {
    public Settings {
      if (bodyWindows < 1 || bodyWindows > 64) {
        throw new IllegalArgumentException("body windows must be 1..64, was " + bodyWindows);
      }
      if (cGrid.isEmpty()) {
        throw new IllegalArgumentException("at least one C value is needed");
      }
      cGrid = List.copyOf(cGrid);
    }

    /** Articles: the title and the first two windows (about 250 words) of the body. */
    public static Settings forArticles() {
      return new Settings(2, List.of(0.5, 2.0, 8.0));
    }

    /** Sentences: one window holds a sentence. */
    public static Settings forSentences() {
      return new Settings(1, List.of(0.5, 2.0, 8.0));
    }
  }

  public EmbeddingHead {
    if (weights.length != ArticleEmbedder.DIMENSION) {
      throw new IllegalArgumentException(
          "an embedding head has " + ArticleEmbedder.DIMENSION + " weights, was " + weights.length);
    }
    weights = weights.clone();
  }

  @Override
  public float[] weights() {
    return weights.clone();
  }

  /** The embedder this head reads, over the bundled encoder (loaded on first use). */
  ArticleEmbedder embedder() {
    return new ArticleEmbedder(SentenceEncoder.bundled(), bodyWindows);
  }

  /** The head's score of an embedding. */
  double score(float[] embedding) {
    double z = bias;
    for (int i = 0; i < weights.length; i++) {
      z += (double) weights[i] * embedding[i];
    }
    return z;
  }

  /** The head's score of an article (embeds it: about 10 ms per window of CPU). */
  double score(Article article) {
    return score(embedder().embed(article));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EmbeddingHead h
        && encoderId.equals(h.encoderId)
        && bodyWindows == h.bodyWindows
        && Arrays.equals(weights, h.weights)
        && Double.compare(bias, h.bias) == 0
        && Double.compare(c, h.c) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(encoderId, bodyWindows, Arrays.hashCode(weights), bias, c);
  }
}
