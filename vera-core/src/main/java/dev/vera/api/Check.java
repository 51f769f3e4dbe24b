package dev.vera.api;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Vera's judgement of one article. Immutable.
 *
 * @param id the article's {@link Article#id()}, or null
 * @param verdict {@link Verdict#FAKE} when {@code probabilityFake >= threshold}
 * @param probabilityFake the calibrated probability that the article is fake, for a feed whose
 *     share of fake is {@code baseRate}: from the text alone unless {@code usedSource}
 * @param textProbabilityFake the same from the text alone, always given
 * @param threshold the decision threshold applied
 * @param baseRate the share of fake articles the probability assumes (the model's training mix
 *     unless {@link Vera#withBaseRate(double)} set another)
 * @param usedSource whether the publisher's record entered {@code probabilityFake}
 * @param source what is known of the publisher, given whether used or not
 * @param applicability how far the article lies inside what the model learned from, or null when
 *     the model does not measure it
 */
public record Check(
    @Nullable String id,
    Verdict verdict,
    double probabilityFake,
    double textProbabilityFake,
    double threshold,
    double baseRate,
    boolean usedSource,
    Source source,
    @Nullable Applicability applicability) {

  /** Fake or credible. */
  public enum Verdict {
    CREDIBLE,
    FAKE
  }

  /** Whether the verdict is {@link Verdict#FAKE}. */
  public boolean fake() {
    return verdict == Verdict.FAKE;
  }

  /**
   * What Vera knows of an article's publisher, kept apart from the text: a reputation is evidence
   * about the source, never a reading of the article.
   *
   * @param domain the publisher domain looked up, or null when the article names none
   * @param known whether anything is known of it (else {@code fakeRate} is the training prior)
   * @param fakeRate the estimated share of fake articles from this publisher
   * @param trainingArticles how many training articles came from it
   * @param ratings published ratings of the outlet by list name, empty when unrated
   */
  public record Source(
      @Nullable String domain,
      boolean known,
      double fakeRate,
      int trainingArticles,
      Map<String, Double> ratings) {
    public Source {
      ratings = Map.copyOf(ratings);
    }
  }

  /**
   * How far an article lies inside what the model was trained on.
   *
   * @param score in [0, 1]: the share of the model's validation articles less similar to the
   *     training articles than this one (about 0.5 is typical, near 0 unlike them all)
   * @param outsideExperience whether the score is below the model's flag level: the verdict
   *     deserves less trust
   */
  public record Applicability(double score, boolean outsideExperience) {}
}
