package dev.vera.model;

import dev.vera.article.Article;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Stacks the linear score with the neighbours' evidence and the embedding head's score: the stack
 * is fitted on out-of-fold training scores (leave-one-out neighbours), so that it weighs each input
 * as it behaves on articles the model never saw.
 */
final class ScoreStacker {
  private final NeighbourIndex.@Nullable Settings neighbours;
  private final @Nullable EmbeddingHeadFitter embeddings;
  private final CrossFitter folds;

  /**
   * @param neighbours the neighbour settings, or null to stack no neighbours
   * @param embeddings the embedding head's fitter, or null for none
   * @param folds the folds every input is cross-fitted on
   */
  ScoreStacker(
      NeighbourIndex.@Nullable Settings neighbours,
      @Nullable EmbeddingHeadFitter embeddings,
      CrossFitter folds) {
    this.neighbours = neighbours;
    this.embeddings = embeddings;
    this.folds = folds;
  }

  /**
   * The text score of training (out of fold) and validation articles: the linear score alone, or
   * stacked with the neighbours' evidence and the embedding head's score.
   *
   * @param train the training articles' scores, out of fold (null when nothing needed them)
   */
  record StackedScores(
      double @Nullable [] train,
      double[] valid,
      @Nullable ScoreStack stack,
      @Nullable EmbeddingHead embedding) {}

  /** The inputs of the stack for a set of articles; absent inputs are null. */
  private record Inputs(
      double[] linear, double @Nullable [] embedding, NeighbourEvidence @Nullable [] near) {
    double score(ScoreStack stack, int i) {
      return stack.score(
          linear[i], embedding == null ? 0 : embedding[i], near == null ? null : near[i]);
    }
  }

  StackedScores stack(
      TrainingRows rows,
      ValidationRows valid,
      LexicalFit lexical,
      NeighbourIndex index,
      ProgressListener progress) {
    if (neighbours == null && embeddings == null) {
      // Nothing to stack: the training scores would only serve calibration, which validation
      // serves alone (see CalibrationChoice).
      return new StackedScores(null, lexical.validRaw(), null, null);
    }
    double[] oof = folds.outOfFold(linear(rows, lexical.c()), "cross-fitting", progress);
    NeighbourEvidence[] trainNear = null;
    NeighbourEvidence[] validNear = null;
    if (neighbours != null) {
      // Leave-one-out neighbours for the training articles, as out-of-fold as their linear scores.
      trainNear =
          nearest(index, rows.articles(), true, "neighbours of training articles", progress);
      validNear =
          nearest(index, valid.articles(), false, "neighbours of validation articles", progress);
    }
    EmbeddingHeadFitter.EmbeddingFit fit =
        embeddings == null ? null : embeddings.fit(rows, valid, folds, progress);
    Inputs train = new Inputs(oof, fit == null ? null : fit.outOfFold(), trainNear);
    Inputs held = new Inputs(lexical.validRaw(), fit == null ? null : fit.valid(), validNear);
    ScoreStack stack =
        ScoreStack.fit(
            oof,
            train.embedding(),
            trainNear == null ? null : features(trainNear),
            rows.fake(),
            rows.weights(),
            rows.offsets());
    return new StackedScores(
        scores(stack, train, oof.length),
        scores(stack, held, valid.size()),
        stack,
        fit == null ? null : fit.head());
  }

  /** The linear text model at {@code c}, fitted on some rows. */
  private static CrossFitter.Classifier linear(TrainingRows rows, double c) {
    return new CrossFitter.Classifier() {
      @Override
      public double[] fit(boolean[] keep) {
        return rows.fit(c, keep, null);
      }

      @Override
      public double score(int i, double[] weights) {
        return rows.score(i, weights);
      }
    };
  }

  private static double[] scores(ScoreStack stack, Inputs inputs, int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = inputs.score(stack, i);
    }
    return out;
  }

  private static double[][] features(NeighbourEvidence[] near) {
    double[][] out = new double[near.length][];
    for (int i = 0; i < near.length; i++) {
      out[i] = near[i].features();
    }
    return out;
  }

  /** The neighbours of each article (leaving each training article out of its own). */
  private static NeighbourEvidence[] nearest(
      NeighbourIndex index,
      List<Article> articles,
      boolean training,
      String phase,
      ProgressListener progress) {
    NeighbourEvidence[] out = new NeighbourEvidence[articles.size()];
    AtomicLong done = new AtomicLong();
    IntStream.range(0, articles.size())
        .parallel()
        .forEach(
            i -> {
              out[i] =
                  NeighbourEvidence.of(
                      index.nearest(articles.get(i), training ? i : -1),
                      index.settings().k(),
                      index.prior());
              long d = done.incrementAndGet();
              if (d % 256 == 0 || d == out.length) {
                synchronized (progress) {
                  progress.update(phase, d, out.length);
                }
              }
            });
    return out;
  }
}
