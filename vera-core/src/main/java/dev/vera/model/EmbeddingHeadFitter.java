package dev.vera.model;

import dev.vera.article.Article;
import dev.vera.embed.ArticleEmbedder;
import dev.vera.embed.EmbeddingCache;
import dev.vera.embed.SentenceEncoder;
import dev.vera.model.fit.SparseRows;
import dev.vera.model.fit.WeightedLogisticRegression;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The sentence-embedding classifier: L2 logistic regression (LIBLINEAR) over the article
 * embeddings, C chosen by validation ROC-AUC, then out-of-fold scores of the training articles at
 * that C (the same folds as the linear score's) for the stack.
 */
final class EmbeddingHeadFitter {
  private final EmbeddingHead.Settings settings;
  private final @Nullable Path cacheDirectory;

  /**
   * @param cacheDirectory where embeddings are kept between runs, or null for nowhere
   */
  EmbeddingHeadFitter(EmbeddingHead.Settings settings, @Nullable Path cacheDirectory) {
    this.settings = settings;
    this.cacheDirectory = cacheDirectory;
  }

  /** The embedding head, its out-of-fold training scores and its validation scores. */
  record EmbeddingFit(EmbeddingHead head, double[] outOfFold, double[] valid) {}

  /** A weight vector and the C it was fitted at. */
  private record Choice(double c, double[] weights) {}

  EmbeddingFit fit(
      TrainingRows rows, ValidationRows valid, CrossFitter folds, ProgressListener progress) {
    SentenceEncoder encoder = SentenceEncoder.bundled();
    ArticleEmbedder embedder = new ArticleEmbedder(encoder, settings.bodyWindows());
    EmbeddingCache cache =
        EmbeddingCache.open(cacheDirectory, encoder.id(), settings.bodyWindows());
    List<Article> train = rows.articles();
    float[][] trainE =
        cache.embedAll(
            embedder::embed,
            train,
            d -> progress.update("embedding training articles", d, train.size()));
    float[][] validE =
        cache.embedAll(
            embedder::embed,
            valid.articles(),
            d -> progress.update("embedding validation articles", d, valid.size()));
    // A cache that cannot be written only makes the next run embed again.
    cache.save();
    SparseRows trainX = dense(trainE);
    Choice best = chooseC(trainX, rows, dense(validE), valid, progress);
    double[] oof =
        folds.outOfFold(
            classifier(trainX, rows, best.c()), "cross-fitting the embedding classifier", progress);
    int dims = ArticleEmbedder.DIMENSION;
    float[] weights = new float[dims];
    for (int i = 0; i < dims; i++) {
      weights[i] = (float) best.weights()[i];
    }
    // The head scores with the float weights it stores, so training and scoring agree exactly.
    EmbeddingHead head =
        new EmbeddingHead(
            encoder.id(), settings.bodyWindows(), weights, best.weights()[dims], best.c());
    double[] validScores = new double[valid.size()];
    for (int i = 0; i < validScores.length; i++) {
      validScores[i] = head.score(validE[i]);
    }
    return new EmbeddingFit(head, oof, validScores);
  }

  /** The candidate C whose fit ranks the validation articles best (the first among equals). */
  private Choice chooseC(
      SparseRows trainX,
      TrainingRows rows,
      SparseRows validX,
      ValidationRows valid,
      ProgressListener progress) {
    int dims = ArticleEmbedder.DIMENSION;
    Choice best = new Choice(settings.cGrid().get(0), null);
    double bestAuc = -1;
    int tried = 0;
    for (double c : settings.cGrid()) {
      progress.update("fitting the embedding classifier, C=" + c, tried++, settings.cGrid().size());
      double[] w =
          WeightedLogisticRegression.fit(
              trainX, rows.fake(), rows.weights(), c, TrainingRows.EPSILON, null);
      double[] score = new double[valid.size()];
      for (int i = 0; i < score.length; i++) {
        score[i] = TrainingRows.textScore(validX, i, w, dims);
      }
      double auc = valid.meanRocAuc(score);
      if (auc > bestAuc + 1e-9) {
        bestAuc = auc;
        best = new Choice(c, w);
      }
    }
    return best;
  }

  /** The classifier at {@code c}, a held-out fold's rows weighing nothing in its fit. */
  private static CrossFitter.Classifier classifier(SparseRows trainX, TrainingRows rows, double c) {
    return new CrossFitter.Classifier() {
      @Override
      public double[] fit(boolean[] keep) {
        double[] ws = rows.weights().clone();
        for (int i = 0; i < ws.length; i++) {
          if (!keep[i]) {
            ws[i] = 0;
          }
        }
        return WeightedLogisticRegression.fit(
            trainX, rows.fake(), ws, c, TrainingRows.EPSILON, null);
      }

      @Override
      public double score(int i, double[] weights) {
        return TrainingRows.textScore(trainX, i, weights, ArticleEmbedder.DIMENSION);
      }
    };
  }

  /** Dense embeddings as rows, with the intercept as the last column. */
  private static SparseRows dense(float[][] rows) {
    int dims = ArticleEmbedder.DIMENSION;
    SparseRows.Builder b = new SparseRows.Builder(dims + 1);
    int[] idx = new int[dims + 1];
    for (int k = 0; k <= dims; k++) {
      idx[k] = k;
    }
    for (float[] r : rows) {
      float[] val = Arrays.copyOf(r, dims + 1);
      val[dims] = 1f;
      b.add(idx, val);
    }
    return b.build();
  }
}
