package dev.vera.eval;

import dev.vera.article.Label;
import java.util.ArrayList;
import java.util.List;

/** Builders of scored articles for the tests, with 1 for fake and 0 for real as in sklearn. */
final class Scored {

  private Scored() {}

  static Label label(int y) {
    return y == 1 ? Label.FAKE : Label.REAL;
  }

  /** An article decided at 0.5. */
  static ScoredArticle at(int truth, double p) {
    return new ScoredArticle(label(truth), p, p >= 0.5 ? Label.FAKE : Label.REAL, null);
  }

  /** An article with an explicit decision. */
  static ScoredArticle decided(int truth, int predicted) {
    return new ScoredArticle(label(truth), predicted == 1 ? 0.9 : 0.1, label(predicted), null);
  }

  /** Articles decided at 0.5 from parallel labels and scores. */
  static List<ScoredArticle> of(int[] y, double[] p) {
    List<ScoredArticle> list = new ArrayList<>();
    for (int i = 0; i < y.length; i++) {
      list.add(at(y[i], p[i]));
    }
    return list;
  }

  static ScoredArticle from(String source, int truth, double p) {
    return new ScoredArticle(label(truth), p, p >= 0.5 ? Label.FAKE : Label.REAL, source);
  }
}
