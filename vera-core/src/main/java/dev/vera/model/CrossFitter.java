package dev.vera.model;

import dev.vera.article.Label;
import dev.vera.eval.StratifiedKFold;
import java.util.ArrayList;
import java.util.List;

/**
 * Cross-fitting over the training rows: each row's score comes from a model fitted without its
 * fold. The stack and the calibration are trained on such scores because they must see scores as
 * the model gives them to articles it never saw. The folds are stratified and seeded, and the same
 * for every classifier cross-fitted in one run, so their scores stack fold by fold.
 */
final class CrossFitter {
  static final int FOLDS = 5;

  /** A classifier that can be fitted on some of the training rows and score any of them. */
  interface Classifier {
    /** The weights fitted on the rows whose {@code keep} is true. */
    double[] fit(boolean[] keep);

    /** Row {@code i}'s score under {@code weights}. */
    double score(int i, double[] weights);
  }

  private final int[] folds;

  private CrossFitter(int[] folds) {
    this.folds = folds;
  }

  /** Stratified, seeded folds over rows with these labels. */
  static CrossFitter stratified(boolean[] fake, long seed) {
    List<Label> labels = new ArrayList<>(fake.length);
    for (boolean f : fake) {
      labels.add(f ? Label.FAKE : Label.REAL);
    }
    return new CrossFitter(StratifiedKFold.assignFolds(labels, FOLDS, seed));
  }

  /** Every row's score from the classifier fitted on the other folds. */
  double[] outOfFold(Classifier classifier, String phase, ProgressListener progress) {
    double[] oof = new double[folds.length];
    for (int f = 0; f < FOLDS; f++) {
      progress.update(phase, f, FOLDS);
      boolean[] keep = new boolean[folds.length];
      for (int i = 0; i < keep.length; i++) {
        keep[i] = folds[i] != f;
      }
      double[] w = classifier.fit(keep);
      for (int i = 0; i < oof.length; i++) {
        if (folds[i] == f) {
          oof[i] = classifier.score(i, w);
        }
      }
    }
    progress.update(phase, FOLDS, FOLDS);
    return oof;
  }
}
