package dev.vera.model;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What Vera knows about an article's publisher, kept apart from the text score: the outlet's
 * reputation is evidence about the source, never a reading of the article.
 *
 * @param domain the publisher domain looked up, or null when the article names none
 * @param basis where the figure comes from
 * @param fakeRate the estimated share of fake articles from this publisher (smoothed); the training
 *     prior when nothing is known
 * @param trainingArticles how many training articles came from this publisher
 * @param ratings the published ratings of the outlet, by list name (empty when unrated)
 * @param ratedDomain the domain the ratings were found under (may be a parent domain), or null
 */
public record SourceEvidence(
    @Nullable String domain,
    Basis basis,
    double fakeRate,
    int trainingArticles,
    Map<String, Double> ratings,
    @Nullable String ratedDomain) {

  public SourceEvidence {
    ratings = Map.copyOf(ratings);
  }

  /** Where a source figure comes from. */
  public enum Basis {
    /** Labelled articles from this publisher in the training data. */
    TRAINING,
    /** Published ratings lists (for outlets unseen in training). */
    RATINGS,
    /** Nothing known: the figure is the training prior. */
    NONE;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public boolean known() {
    return basis != Basis.NONE;
  }
}
