package dev.vera.model;

import dev.vera.article.Article;
import dev.vera.article.Label;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The publisher's track record: a smoothed fake rate per domain learned from training labels and,
 * from published ratings of outlets ({@link OutletRatings}), an estimate for outlets never seen in
 * training. The ratings enter a small logistic model fitted on the rated training articles (how
 * often articles of outlets so rated were fake); for an outlet seen in training, its own counts are
 * pulled toward that estimate (or toward the prior when it is unrated). Reported beside the text
 * score; mixed into the verdict only when a user asks for it.
 *
 * @param prior the fake share of the whole training set
 * @param smoothing pseudo-count pulling a domain's own rate toward its estimate (chosen on
 *     validation)
 * @param counts per domain, {fake, real} training articles
 * @param ratings the published lists, maybe none
 * @param ratingWeights the rating model: one weight per {@link OutletRatings#features} input and
 *     the intercept last; null when there are no ratings or nothing to fit them on
 */
public record SourceReputation(
    double prior,
    double smoothing,
    Map<String, int[]> counts,
    OutletRatings ratings,
    double @Nullable [] ratingWeights) {

  public SourceReputation {
    counts = Map.copyOf(counts);
    ratingWeights = ratingWeights == null ? null : ratingWeights.clone();
  }

  /** Counts labelled training articles per publisher domain; fits the rating model. */
  public static SourceReputation learn(
      List<Article> training, double smoothing, OutletRatings ratings) {
    return learn(training, smoothing, ratings, null, null);
  }

  /**
   * {@link #learn(List, double, OutletRatings)} with each training article weighted as in the text
   * model's fit and its corpus's log-odds offset from the reference base rate, so that the rating
   * model learns an outlet's quality within corpora, not the corpora's shares of fake.
   */
  public static SourceReputation learn(
      List<Article> training,
      double smoothing,
      OutletRatings ratings,
      double @Nullable [] weights,
      double @Nullable [] offsets) {
    Map<String, int[]> counts = new TreeMap<>();
    int fake = 0;
    int labelled = 0;
    List<double[]> x = new ArrayList<>();
    List<Boolean> y = new ArrayList<>();
    List<Double> w = new ArrayList<>();
    List<Double> o = new ArrayList<>();
    for (int i = 0; i < training.size(); i++) {
      Article a = training.get(i);
      if (a.label() == null) {
        continue;
      }
      labelled++;
      boolean isFake = a.label() == Label.FAKE;
      fake += isFake ? 1 : 0;
      String domain = publisherOf(a);
      if (domain != null) {
        counts.computeIfAbsent(domain, k -> new int[2])[isFake ? 0 : 1]++;
      }
      OutletRatings.Match m = ratings.lookup(domain);
      if (m != null) {
        x.add(ratings.features(m));
        y.add(isFake);
        w.add(weights == null ? 1.0 : weights[i]);
        o.add(offsets == null ? 0.0 : offsets[i]);
      }
    }
    double prior = labelled == 0 ? 0.5 : (double) fake / labelled;
    return new SourceReputation(prior, smoothing, counts, ratings, fitRatings(x, y, w, o));
  }

  /**
   * The rating model, or null when no training article is rated or the rated ones are one class.
   */
  private static double @Nullable [] fitRatings(
      List<double[]> x, List<Boolean> y, List<Double> w, List<Double> o) {
    if (y.isEmpty() || !y.contains(true) || !y.contains(false)) {
      return null;
    }
    boolean[] fake = new boolean[y.size()];
    double[] weights = new double[y.size()];
    double[] offsets = new double[y.size()];
    for (int i = 0; i < fake.length; i++) {
      fake[i] = y.get(i);
      weights[i] = w.get(i);
      offsets[i] = o.get(i);
    }
    return LogisticFit.fit(x.toArray(new double[0][]), fake, weights, offsets);
  }

  /** The same counts and ratings with another smoothing. */
  public SourceReputation withSmoothing(double newSmoothing) {
    return new SourceReputation(prior, newSmoothing, counts, ratings, ratingWeights);
  }

  @Override
  public double @Nullable [] ratingWeights() {
    return ratingWeights == null ? null : ratingWeights.clone();
  }

  /** What is known about the publisher of this article. */
  public SourceEvidence evidence(Article article) {
    String domain = publisherOf(article);
    if (domain == null) {
      return new SourceEvidence(null, SourceEvidence.Basis.NONE, prior, 0, Map.of(), null);
    }
    int[] c = counts.get(domain);
    OutletRatings.Match match = ratingWeights == null ? null : ratings.lookup(domain);
    Double rated = match == null ? null : ratedRate(match);
    Map<String, Double> shown = match == null ? Map.of() : match.byName(ratings);
    String ratedDomain = match == null ? null : match.ratedDomain();
    if (c != null) {
      double base = rated == null ? prior : rated;
      double rate = (c[0] + smoothing * base) / (c[0] + c[1] + smoothing);
      return new SourceEvidence(
          domain, SourceEvidence.Basis.TRAINING, rate, c[0] + c[1], shown, ratedDomain);
    }
    if (rated != null) {
      return new SourceEvidence(domain, SourceEvidence.Basis.RATINGS, rated, 0, shown, ratedDomain);
    }
    return new SourceEvidence(domain, SourceEvidence.Basis.NONE, prior, 0, Map.of(), null);
  }

  /** The rating model's fake rate for a rated outlet. */
  private double ratedRate(OutletRatings.Match match) {
    double[] f = ratings.features(match);
    double[] w = Objects.requireNonNull(ratingWeights);
    double z = w[w.length - 1];
    for (int i = 0; i < f.length; i++) {
      z += w[i] * f[i];
    }
    return LogisticFit.sigmoid(z);
  }

  /** The article's publisher domain, lower case: its source, else its URL's host; or null. */
  public static @Nullable String publisherOf(Article article) {
    String domain = article.source() != null ? article.source() : Article.domainOf(article.url());
    return domain == null ? null : domain.toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SourceReputation r
        && Double.compare(prior, r.prior) == 0
        && Double.compare(smoothing, r.smoothing) == 0
        && sameCounts(counts, r.counts)
        && ratings.equals(r.ratings)
        && Arrays.equals(ratingWeights, r.ratingWeights);
  }

  private static boolean sameCounts(Map<String, int[]> a, Map<String, int[]> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    for (Map.Entry<String, int[]> e : a.entrySet()) {
      if (!Arrays.equals(e.getValue(), b.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Objects.hash(prior, smoothing, counts.keySet(), ratings, Arrays.hashCode(ratingWeights));
  }
}
