package dev.vera.embed;

import dev.vera.article.Article;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An article as one dense vector: the sentence embedding of its title beside the mean of the
 * embeddings of its body's first windows of {@link SentenceEncoder#WINDOW} tokens. The model reads
 * {@value SentenceEncoder#MAX_TOKENS} tokens at once, so a long body is cut into windows; only the
 * first few are read because each costs a model run (about 10 ms of CPU) and news puts its
 * substance first. A blank title or body gives zeros in its half.
 */
public final class ArticleEmbedder {
  /** Length of an article vector: title half, then body half. */
  public static final int DIMENSION = 2 * SentenceEncoder.DIMENSION;

  private final SentenceEncoder encoder;
  private final int bodyWindows;

  /**
   * @param bodyWindows how many windows of the body are read (at least 1)
   */
  public ArticleEmbedder(SentenceEncoder encoder, int bodyWindows) {
    if (bodyWindows < 1 || bodyWindows > 64) {
      throw new IllegalArgumentException("body windows must be 1..64, was " + bodyWindows);
    }
    this.encoder = encoder;
    this.bodyWindows = bodyWindows;
  }

  public int bodyWindows() {
    return bodyWindows;
  }

  /** The article's vector, {@link #DIMENSION} long. */
  public float[] embed(Article article) {
    List<long[]> windows = new ArrayList<>(1 + bodyWindows);
    long[] title = article.title().isBlank() ? new long[0] : encoder.tokenIds(article.title());
    boolean hasTitle = title.length > 0;
    if (hasTitle) {
      windows.add(Arrays.copyOf(title, Math.min(title.length, SentenceEncoder.WINDOW)));
    }
    long[] body = article.text().isBlank() ? new long[0] : encoder.tokenIds(article.text());
    for (int start = 0;
        start < body.length && windows.size() < (hasTitle ? 1 : 0) + bodyWindows;
        start += SentenceEncoder.WINDOW) {
      windows.add(
          Arrays.copyOfRange(body, start, Math.min(body.length, start + SentenceEncoder.WINDOW)));
    }
    float[][] e = encoder.embedWindows(windows);
    float[] out = new float[DIMENSION];
    int d = SentenceEncoder.DIMENSION;
    int first = 0;
    if (hasTitle) {
      System.arraycopy(e[0], 0, out, 0, d);
      first = 1;
    }
    int n = e.length - first;
    for (int w = first; w < e.length; w++) {
      for (int k = 0; k < d; k++) {
        out[d + k] += e[w][k] / n;
      }
    }
    return out;
  }
}
