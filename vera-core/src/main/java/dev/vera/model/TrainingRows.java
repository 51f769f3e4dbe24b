package dev.vera.model;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.InstanceWeightedLogistic;
import dev.vera.article.Article;
import dev.vera.article.Label;
import dev.vera.text.SparseVector;
import dev.vera.text.TextVectorizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * The training articles as the text model's fit sees them: LIBLINEAR rows (the text features, an
 * intercept, and with {@code corpusIntercepts} one intercept per training corpus), labels and
 * weights. Analysts' corrections are the last rows; each weighs {@code correctionWeight} and has
 * no corpus intercept, so that only their words can explain their labels.
 *
 * @param articles the distinct training articles, corpus articles then corrections
 * @param x one LIBLINEAR row per article
 * @param fake per article, its label
 * @param weights per article, its weight in the fit
 * @param offsets per article, the log-odds shift from the reference base rate to its corpus's
 *     rate (0 for corrections), for the fits that sit on the text score
 * @param dims the text features' dimension (the intercept is feature {@code dims + 1})
 * @param columns all features, intercepts included
 */
record TrainingRows(
    List<Article> articles,
    Feature[][] x,
    boolean[] fake,
    double[] weights,
    double[] offsets,
    int dims,
    int columns) {

  /** The value of an intercept feature: large, so that the penalty hardly restrains it. */
  static final double INTERCEPT_VALUE = 10.0;

  /** LIBLINEAR's stopping tolerance for the text model (its default, {@code -e 0.01}). */
  static final double EPSILON = 0.01;

  static TrainingRows of(
      List<Article> corpus,
      List<Article> corrections,
      int correctionWeight,
      CorpusMix mix,
      boolean corpusIntercepts,
      TextVectorizer vectorizer,
      ProgressListener progress) {
    List<Article> all = new ArrayList<>(corpus);
    all.addAll(corrections);
    int dims = vectorizer.config().dimension();
    boolean perCorpus = corpusIntercepts && mix.corpora().size() > 1;
    int columns = dims + 1 + (perCorpus ? mix.corpora().size() : 0);
    Feature[][] text = rows(vectorizer, all, "vectorizing training articles", progress);
    Feature[][] x = new Feature[all.size()][];
    boolean[] fake = new boolean[all.size()];
    double[] weights = new double[all.size()];
    double[] offsets = new double[all.size()];
    for (int i = 0; i < all.size(); i++) {
      Article a = all.get(i);
      boolean correction = i >= corpus.size();
      int c = correction || !perCorpus ? -1 : mix.indexOf(a);
      x[i] = withIntercepts(text[i], dims, c);
      fake[i] = a.label() == Label.FAKE;
      weights[i] = correction ? correctionWeight : mix.weightOf(a);
      offsets[i] = correction ? 0 : mix.offsetOf(a);
    }
    return new TrainingRows(List.copyOf(all), x, fake, weights, offsets, dims, columns);
  }

  /** The text row, then the intercept, then the corpus's intercept when {@code corpus >= 0}. */
  private static Feature[] withIntercepts(Feature[] row, int dims, int corpus) {
    Feature[] out = new Feature[row.length + (corpus >= 0 ? 2 : 1)];
    System.arraycopy(row, 0, out, 0, row.length);
    out[row.length] = new FeatureNode(dims + 1, 1.0);
    if (corpus >= 0) {
      out[row.length + 1] = new FeatureNode(dims + 2 + corpus, INTERCEPT_VALUE);
    }
    return out;
  }

  /** Articles as LIBLINEAR rows (1-based indices), vectorized on all cores, in order. */
  static Feature[][] rows(
      TextVectorizer vectorizer, List<Article> articles, String phase, ProgressListener progress) {
    Feature[][] out = new Feature[articles.size()][];
    AtomicLong done = new AtomicLong();
    int total = articles.size();
    IntStream.range(0, total)
        .parallel()
        .forEach(
            i -> {
              SparseVector v = vectorizer.vectorize(articles.get(i));
              Feature[] row = new Feature[v.size()];
              for (int k = 0; k < v.size(); k++) {
                row[k] = new FeatureNode(v.indices()[k] + 1, v.values()[k]);
              }
              out[i] = row;
              long d = done.incrementAndGet();
              if (d % 256 == 0 || d == total) {
                synchronized (progress) {
                  progress.update(phase, d, total);
                }
              }
            });
    return out;
  }

  int size() {
    return x.length;
  }

  /** Fits the weights at {@code c} on the rows {@code keep} selects (all when null). */
  double[] fit(double c, boolean @Nullable [] keep, double @Nullable [] start) {
    if (keep == null) {
      return InstanceWeightedLogistic.train(x, fake, weights, columns, c, EPSILON, start);
    }
    int n = 0;
    for (boolean k : keep) {
      n += k ? 1 : 0;
    }
    Feature[][] xs = new Feature[n][];
    boolean[] ys = new boolean[n];
    double[] ws = new double[n];
    int j = 0;
    for (int i = 0; i < keep.length; i++) {
      if (keep[i]) {
        xs[j] = x[i];
        ys[j] = fake[i];
        ws[j++] = weights[i];
      }
    }
    return InstanceWeightedLogistic.train(xs, ys, ws, columns, c, EPSILON, start);
  }

  /** The text score of a row under fitted weights: features and the global intercept only. */
  double score(int i, double[] w) {
    return textScore(x[i], w, dims);
  }

  /**
   * {@code w · x} over the text features plus the global intercept; corpus intercepts, present
   * only in training rows, never count, so that a training article scores as a new one would.
   */
  static double textScore(Feature[] row, double[] w, int dims) {
    double z = w[dims];
    for (Feature f : row) {
      int i = f.getIndex() - 1;
      if (i < dims) {
        z += w[i] * f.getValue();
      }
    }
    return z;
  }
}
