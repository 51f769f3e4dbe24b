package dev.vera.model;

import dev.vera.article.Article;
import dev.vera.article.Label;
import dev.vera.eval.Evaluation;
import dev.vera.eval.Evaluator;
import dev.vera.eval.ScoredArticle;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/** Scores labelled articles with a model and evaluates the verdicts. */
public final class ModelEvaluation {
  private ModelEvaluation() {}

  /**
   * Scores every labelled article (in parallel, results in input order) and evaluates.
   *
   * @param majority the majority label of the model's training data, for the baseline
   */
  public static Evaluation evaluate(
      CredibilityModel model,
      List<Article> articles,
      ScoringOptions options,
      Label majority,
      boolean perSource,
      ProgressListener progress) {
    List<Verdict> verdicts = score(model, articles, options, progress);
    List<ScoredArticle> scored =
        IntStream.range(0, articles.size())
            .mapToObj(
                i ->
                    new ScoredArticle(
                        articles.get(i).label(),
                        verdicts.get(i).probabilityFake(),
                        verdicts.get(i).label(),
                        articles.get(i).source()))
            .toList();
    double threshold = verdicts.isEmpty() ? 0.5 : verdicts.get(0).threshold();
    return Evaluator.evaluate(scored, threshold, majority, perSource);
  }

  /** Verdicts for every article, in input order, scored on all cores. */
  public static List<Verdict> score(
      CredibilityModel model,
      List<Article> articles,
      ScoringOptions options,
      ProgressListener progress) {
    Verdict[] out = new Verdict[articles.size()];
    AtomicLong done = new AtomicLong();
    int total = articles.size();
    IntStream.range(0, total)
        .parallel()
        .forEach(
            i -> {
              out[i] = model.predict(articles.get(i), options);
              long d = done.incrementAndGet();
              if (d % 256 == 0 || d == total) {
                synchronized (progress) {
                  progress.update("scoring", d, total);
                }
              }
            });
    return List.of(out);
  }

  /** The majority label recorded for the model's training data. */
  public static Label trainingMajority(CredibilityModel model) {
    ModelCard.TrainingData d = model.card().data();
    return d.trainFake() * 2 > d.trainArticles() ? Label.FAKE : Label.REAL;
  }
}
