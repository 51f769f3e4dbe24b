package dev.vera.model;

import dev.vera.article.Article;
import dev.vera.article.Label;
import dev.vera.eval.Evaluation;
import dev.vera.eval.Evaluator;
import dev.vera.eval.ScoredArticle;
import dev.vera.model.fit.SparseRows;
import java.util.ArrayList;
import java.util.List;

/**
 * The validation articles as training's choices see them: rows, labels, each article's corpus
 * weight and its corpus's log-odds offset from the reference base rate.
 */
record ValidationRows(
    List<Article> articles,
    SparseRows x,
    boolean[] fake,
    double[] weights,
    double[] offsets,
    int[] corpus) {

  static ValidationRows of(List<Article> valid, SparseRows x, CorpusMix mix) {
    int n = valid.size();
    boolean[] fake = new boolean[n];
    double[] weights = new double[n];
    double[] offsets = new double[n];
    int[] corpus = new int[n];
    for (int i = 0; i < n; i++) {
      Article a = valid.get(i);
      fake[i] = a.label() == Label.FAKE;
      weights[i] = mix.weightOf(a);
      offsets[i] = mix.offsetOf(a);
      corpus[i] = mix.indexOf(a);
    }
    return new ValidationRows(List.copyOf(valid), x, fake, weights, offsets, corpus);
  }

  int size() {
    return fake.length;
  }

  /**
   * The decision curve of these log-odds at the reference rate: with a cut per corpus when {@code
   * corpora} is positive, else one pooled cut.
   */
  DecisionCurve curve(double[] logOdds, double referenceRate, int corpora) {
    return corpora > 0
        ? new DecisionCurve(logOdds, fake, weights, referenceRate, corpus, corpora)
        : new DecisionCurve(logOdds, fake, weights, referenceRate);
  }

  /**
   * The mean over corpora of the ROC-AUC within each corpus's validation articles: how well a score
   * ranks articles of one collection, whatever the collections' shares of fake (a collection whose
   * validation part holds one class only is left out).
   */
  double meanRocAuc(double[] score) {
    int corpora = 0;
    for (int c : corpus) {
      corpora = Math.max(corpora, c + 1);
    }
    double sum = 0;
    int counted = 0;
    for (int c = -1; c < corpora; c++) {
      List<ScoredArticle> part = new ArrayList<>();
      int fakes = 0;
      for (int i = 0; i < score.length; i++) {
        if (corpus[i] == c) {
          // A monotone map into [0, 1] leaves the ranking, and so the ROC-AUC, as it is.
          part.add(
              new ScoredArticle(
                  fake[i] ? Label.FAKE : Label.REAL,
                  LogisticFit.sigmoid(score[i]),
                  Label.REAL,
                  null));
          fakes += fake[i] ? 1 : 0;
        }
      }
      if (fakes == 0 || fakes == part.size()) {
        continue;
      }
      sum += Evaluator.evaluate(part, 0.5, Label.REAL).rocAuc();
      counted++;
    }
    return counted == 0 ? Double.NaN : sum / counted;
  }

  /**
   * The validation articles judged from their reference-rate log-odds, each at its own corpus's
   * base rate and cut as the curve cuts for that rate and the article's corpus shares.
   */
  Evaluation evaluate(
      double[] referenceLogOdds,
      double[][] share,
      DecisionCurve curve,
      CorpusMix mix,
      Label majority) {
    double[][] cuts = new double[mix.corpora().size()][];
    for (int c = 0; c < cuts.length; c++) {
      cuts[c] = curve.cuts(mix.corpora().get(c).fakeRate());
    }
    double[] referenceCuts = curve.cuts(mix.referenceRate());
    List<ScoredArticle> scored = new ArrayList<>(size());
    for (int i = 0; i < size(); i++) {
      Article a = articles.get(i);
      double p = LogisticFit.sigmoid(referenceLogOdds[i] + offsets[i]);
      double cut = DecisionCurve.cut(corpus[i] < 0 ? referenceCuts : cuts[corpus[i]], share[i]);
      Label predicted = referenceLogOdds[i] >= cut ? Label.FAKE : Label.REAL;
      scored.add(new ScoredArticle(a.label(), p, predicted, a.source()));
    }
    return Evaluator.evaluate(scored, curve.threshold(mix.referenceRate()), majority);
  }
}
