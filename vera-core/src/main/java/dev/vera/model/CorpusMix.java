package dev.vera.model;

import dev.vera.article.Article;
import dev.vera.article.Label;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The collections a model was trained on, how much each counted, and the base rate of fake that its
 * probabilities assume. An article's weight in the fit is {@code n_c^-balance} for a corpus of
 * {@code n_c} training articles, scaled so that the weights average 1: {@code balance} 0 counts
 * every article alike (a large corpus dominates), 1 gives every corpus the same total weight.
 *
 * <p>The reference base rate is the weighted share of fake in training: the rate at which the
 * probabilities are calibrated, and the one a verdict assumes unless told another.
 *
 * @param balance the weighting exponent
 * @param corpora the training corpora, by name (articles without a corpus form the corpus {@code
 *     ""}), in name order
 */
public record CorpusMix(double balance, List<Corpus> corpora) {

  /**
   * One training corpus.
   *
   * @param name its name
   * @param trainArticles its labelled training articles
   * @param trainFake how many of them are fake
   * @param weight each of its articles' weight in the fit
   */
  public record Corpus(String name, int trainArticles, int trainFake, double weight) {
    /** The corpus's own share of fake in training. */
    public double fakeRate() {
      return (double) trainFake / trainArticles;
    }
  }

  public CorpusMix {
    if (!(balance >= 0 && balance <= 1)) {
      throw new IllegalArgumentException("the corpus balance must lie in [0, 1], was " + balance);
    }
    if (corpora.isEmpty()) {
      throw new IllegalArgumentException("a corpus mix needs at least one corpus");
    }
    corpora = List.copyOf(corpora);
  }

  /** The corpus name an article counts under: its corpus, or {@code ""} when it names none. */
  public static String corpusOf(Article article) {
    return article.corpus() == null ? "" : article.corpus();
  }

  /** The mix of labelled training articles, weighted by {@code balance}. */
  public static CorpusMix of(List<Article> train, double balance) {
    Map<String, int[]> counts = new TreeMap<>();
    for (Article a : train) {
      if (a.label() == null) {
        continue;
      }
      int[] c = counts.computeIfAbsent(corpusOf(a), k -> new int[2]);
      c[0]++;
      c[1] += a.label() == Label.FAKE ? 1 : 0;
    }
    double total = 0;
    double weighted = 0;
    for (int[] c : counts.values()) {
      total += c[0];
      weighted += c[0] * Math.pow(c[0], -balance);
    }
    double scale = total / weighted;
    List<Corpus> out = new ArrayList<>();
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      int n = e.getValue()[0];
      out.add(new Corpus(e.getKey(), n, e.getValue()[1], scale * Math.pow(n, -balance)));
    }
    return new CorpusMix(balance, out);
  }

  /** The corpus of that name, or null. */
  public @Nullable Corpus corpus(String name) {
    for (Corpus c : corpora) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    return null;
  }

  /**
   * The position of the article's corpus in {@link #corpora()}, or -1 when it is not one of them.
   */
  public int indexOf(Article article) {
    String name = corpusOf(article);
    for (int i = 0; i < corpora.size(); i++) {
      if (corpora.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The article's weight in the fit (1 for an article of a corpus not in the mix). */
  public double weightOf(Article article) {
    int i = indexOf(article);
    return i < 0 ? 1.0 : corpora.get(i).weight();
  }

  /** The weighted share of fake in training: the base rate the probabilities assume. */
  public double referenceRate() {
    double fake = 0;
    double all = 0;
    for (Corpus c : corpora) {
      fake += c.weight() * c.trainFake();
      all += c.weight() * c.trainArticles();
    }
    return fake / all;
  }

  /**
   * The shift of log-odds from the reference rate to the article's corpus's own rate, {@code
   * logit(rate_c) - logit(reference)}; 0 for an article of no corpus in the mix.
   */
  public double offsetOf(Article article) {
    int i = indexOf(article);
    return i < 0 ? 0 : BaseRate.shift(corpora.get(i).fakeRate(), referenceRate());
  }

  /** The names of the corpora, in order. */
  public List<String> names() {
    return corpora.stream().map(Corpus::name).toList();
  }
}
