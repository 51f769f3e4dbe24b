package dev.vera.model;

import dev.vera.article.Article;
import dev.vera.article.Label;
import dev.vera.model.fit.SparseRows;
import dev.vera.model.fit.WeightedLogisticRegression;
import dev.vera.text.SparseVector;
import dev.vera.text.TextVectorizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * The training articles as the text model's fit sees them: one row per article (the text features,
 * an intercept, and with {@code corpusIntercepts} one intercept per training corpus), labels and
 * weights. Analysts' corrections are the last rows; each weighs {@code correctionWeight} and has no
 * corpus intercept, so that only their words can explain their labels.
 *
 * @param articles the distinct training articles, corpus articles then corrections
 * @param x one row per article (null once the fits are done)
 * @param fake per article, its label
 * @param weights per article, its weight in the fit
 * @param offsets per article, the log-odds shift from the reference base rate to its corpus's rate
 *     (0 for corrections), for the fits that sit on the text score
 * @param dims the text features' dimension (the intercept is column {@code dims})
 */
record TrainingRows(
    List<Article> articles,
    @Nullable SparseRows x,
    boolean[] fake,
    double[] weights,
    double[] offsets,
    int dims) {

  /** The value of an intercept feature: large, so that the penalty hardly restrains it. */
  static final double INTERCEPT_VALUE = 10.0;

  /** The solver's stopping tolerance (LIBLINEAR's default for logistic regression). */
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
    SparseVector[] text = vectorize(vectorizer, all, "vectorizing training articles", progress);
    SparseRows.Builder rows = new SparseRows.Builder(columns);
    boolean[] fake = new boolean[all.size()];
    double[] weights = new double[all.size()];
    double[] offsets = new double[all.size()];
    for (int i = 0; i < all.size(); i++) {
      Article a = all.get(i);
      boolean correction = i >= corpus.size();
      int c = correction || !perCorpus ? -1 : mix.indexOf(a);
      addWithIntercepts(rows, text[i], dims, c);
      // Each vector is needed once: let it go as soon as it is in the matrix.
      text[i] = null;
      fake[i] = a.label() == Label.FAKE;
      weights[i] = correction ? correctionWeight : mix.weightOf(a);
      offsets[i] = correction ? 0 : mix.offsetOf(a);
    }
    return new TrainingRows(List.copyOf(all), rows.build(), fake, weights, offsets, dims);
  }

  /**
   * The text features, then the intercept, then the corpus's intercept when {@code corpus >= 0}.
   */
  private static void addWithIntercepts(
      SparseRows.Builder rows, SparseVector v, int dims, int corpus) {
    int extra = corpus >= 0 ? 2 : 1;
    int[] idx = Arrays.copyOf(v.indices(), v.size() + extra);
    float[] val = Arrays.copyOf(v.values(), v.size() + extra);
    idx[v.size()] = dims;
    val[v.size()] = 1f;
    if (corpus >= 0) {
      idx[v.size() + 1] = dims + 1 + corpus;
      val[v.size() + 1] = (float) INTERCEPT_VALUE;
    }
    rows.add(idx, val);
  }

  /** Articles as rows of their text features alone (validation, scoring checks). */
  static SparseRows textRows(
      TextVectorizer vectorizer, List<Article> articles, String phase, ProgressListener progress) {
    int dims = vectorizer.config().dimension();
    SparseRows.Builder rows = new SparseRows.Builder(dims);
    for (SparseVector v : vectorize(vectorizer, articles, phase, progress)) {
      rows.add(v.indices(), v.values());
    }
    return rows.build();
  }

  /** The articles' vectors, computed on all cores, in order. */
  private static SparseVector[] vectorize(
      TextVectorizer vectorizer, List<Article> articles, String phase, ProgressListener progress) {
    SparseVector[] out = new SparseVector[articles.size()];
    AtomicLong done = new AtomicLong();
    int total = articles.size();
    IntStream.range(0, total)
        .parallel()
        .forEach(
            i -> {
              out[i] = vectorizer.vectorize(articles.get(i));
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
    return fake.length;
  }

  /** The same rows without the matrix, which the fits after the text model do not need. */
  TrainingRows withoutMatrix() {
    return new TrainingRows(articles, null, fake, weights, offsets, dims);
  }

  /**
   * Fits the weights at {@code c} on the rows {@code keep} selects (all when null): the others
   * weigh 0, so that folds need no copy of the matrix.
   */
  double[] fit(double c, boolean @Nullable [] keep, double @Nullable [] start) {
    double[] w = weights;
    if (keep != null) {
      w = weights.clone();
      for (int i = 0; i < w.length; i++) {
        if (!keep[i]) {
          w[i] = 0;
        }
      }
    }
    return WeightedLogisticRegression.fit(x, fake, w, c, EPSILON, start);
  }

  /**
   * The text score of a training row: its text features and the global intercept; the corpus
   * intercepts never count, so that a training article scores as a new one would.
   */
  double score(int i, double[] w) {
    return x.dotRow(i, w, dims) + w[dims];
  }

  /** The text score of row {@code i} of a matrix of text features alone. */
  static double textScore(SparseRows rows, int i, double[] w, int dims) {
    return rows.dotRow(i, w) + w[dims];
  }
}
