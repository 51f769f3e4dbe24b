package dev.vera.feedback;

import dev.vera.article.Article;
import dev.vera.model.TrainingSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Joins analysts' corrections to a training set. Each correction trains, with the analyst's label
 * and {@code weight} copies in the fit (a weight is replication, which keeps a correction's copies
 * together in one cross-fitting fold). Every article a correction covers (same content hash) leaves
 * the corpus's own parts: from {@code train} because the analyst's label replaces the corpus's,
 * from {@code valid} and {@code test} because an article trained on must never be scored as held
 * out.
 */
public final class TrainingCorrections {
  /** How many copies of a correction train by default: it counts as much as three articles. */
  public static final int DEFAULT_WEIGHT = 3;

  private TrainingCorrections() {}

  public static TrainingSet apply(TrainingSet base, List<Correction> corrections, int weight) {
    if (weight < 1) {
      throw new IllegalArgumentException("--feedback-weight must be 1 or more, was " + weight);
    }
    Set<Long> covered = new HashSet<>();
    List<Article> corrected = corrections.stream().map(Correction::asTrainingArticle).toList();
    for (Article a : corrected) {
      covered.add(a.contentHash());
    }
    List<Article> train = without(base.train(), covered);
    List<Article> valid = without(base.valid(), covered);
    List<Article> test = without(base.test(), covered);
    int removedHeldOut = (base.valid().size() - valid.size()) + (base.test().size() - test.size());
    return new TrainingSet(
        train, valid, test, base.files(), base.splitField(), corrected, weight, removedHeldOut);
  }

  private static List<Article> without(List<Article> articles, Set<Long> covered) {
    return articles.stream().filter(a -> !covered.contains(a.contentHash())).toList();
  }
}
