package dev.vera.model;

import dev.vera.article.Article;
import dev.vera.article.Label;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * The publisher's track record: a smoothed fake rate per domain learned from training labels, and
 * for outlets unseen in training, a published reliability rating mapped to the fake rate observed
 * for that rating in training. Reported beside the text score; mixed into the verdict only when a
 * user asks for it.
 *
 * @param prior the fake share of the whole training set
 * @param smoothing pseudo-count pulling rare domains toward the prior (chosen on validation)
 * @param counts per domain, {fake, real} training articles
 * @param ratings published rating per domain (e.g. 1 reliable, 0 mixed, -1 unreliable)
 * @param ratingFakeRates the smoothed fake rate of training articles per rating value
 */
public record SourceReputation(
    double prior,
    double smoothing,
    Map<String, int[]> counts,
    Map<String, Integer> ratings,
    Map<Integer, Double> ratingFakeRates) {

  public SourceReputation {
    counts = Map.copyOf(counts);
    ratings = Map.copyOf(ratings);
    ratingFakeRates = Map.copyOf(ratingFakeRates);
  }

  /** Counts labelled training articles per publisher domain. */
  public static SourceReputation learn(
      List<Article> training, double smoothing, Map<String, Integer> ratings) {
    Map<String, int[]> counts = new TreeMap<>();
    int fake = 0;
    int labelled = 0;
    for (Article a : training) {
      if (a.label() == null) {
        continue;
      }
      labelled++;
      boolean isFake = a.label() == Label.FAKE;
      if (isFake) {
        fake++;
      }
      if (a.source() != null) {
        int[] c = counts.computeIfAbsent(a.source(), k -> new int[2]);
        c[isFake ? 0 : 1]++;
      }
    }
    double prior = labelled == 0 ? 0.5 : (double) fake / labelled;
    // Per rating value: how often training articles from outlets with that rating were fake.
    Map<Integer, int[]> byRating = new HashMap<>();
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      Integer r = lookupRating(ratings, e.getKey()).rating;
      if (r != null) {
        int[] c = byRating.computeIfAbsent(r, k -> new int[2]);
        c[0] += e.getValue()[0];
        c[1] += e.getValue()[1];
      }
    }
    Map<Integer, Double> ratingRates = new TreeMap<>();
    for (Map.Entry<Integer, int[]> e : byRating.entrySet()) {
      int[] c = e.getValue();
      ratingRates.put(e.getKey(), (c[0] + smoothing * prior) / (c[0] + c[1] + smoothing));
    }
    return new SourceReputation(prior, smoothing, counts, ratings, ratingRates);
  }

  /** The same counts with another smoothing (for choosing it on validation data). */
  public SourceReputation withSmoothing(List<Article> training, double newSmoothing) {
    return learn(training, newSmoothing, ratings);
  }

  /** What is known about the publisher of this article. */
  public SourceEvidence evidence(Article article) {
    String domain = publisherOf(article);
    if (domain == null) {
      return new SourceEvidence(null, SourceEvidence.Basis.NONE, prior, 0, null, null);
    }
    int[] c = counts.get(domain);
    RatingMatch match = lookupRating(ratings, domain);
    if (c != null) {
      double rate = (c[0] + smoothing * prior) / (c[0] + c[1] + smoothing);
      return new SourceEvidence(
          domain, SourceEvidence.Basis.TRAINING, rate, c[0] + c[1], match.rating, match.domain);
    }
    if (match.rating != null) {
      Double rate = ratingFakeRates.get(match.rating);
      if (rate != null) {
        return new SourceEvidence(
            domain, SourceEvidence.Basis.RATINGS, rate, 0, match.rating, match.domain);
      }
    }
    return new SourceEvidence(domain, SourceEvidence.Basis.NONE, prior, 0, null, null);
  }

  /** The article's publisher domain, lower case: its source, else its URL's host; or null. */
  public static @Nullable String publisherOf(Article article) {
    String domain = article.source() != null ? article.source() : Article.domainOf(article.url());
    return domain == null ? null : domain.toLowerCase(Locale.ROOT);
  }

  private record RatingMatch(@Nullable Integer rating, @Nullable String domain) {}

  /** Looks a domain up, then its parent domains ({@code news.bbc.co.uk -> bbc.co.uk}). */
  private static RatingMatch lookupRating(Map<String, Integer> ratings, String domain) {
    String d = domain;
    while (true) {
      Integer r = ratings.get(d);
      if (r != null) {
        return new RatingMatch(r, d);
      }
      int dot = d.indexOf('.');
      if (dot < 0 || d.indexOf('.', dot + 1) < 0) {
        return new RatingMatch(null, null);
      }
      d = d.substring(dot + 1);
    }
  }

  /**
   * Reads a published ratings list: a CSV with a header holding {@code domain} and a rating
   * column named {@code rating} or {@code reliability_label} (integers; e.g. 1 reliable, 0 mixed,
   * -1 unreliable). Rows with other values are skipped; a file without those columns fails with
   * a message naming the columns it has.
   */
  public static Map<String, Integer> readRatings(Path csv) throws IOException {
    Map<String, Integer> out = new HashMap<>();
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVParser p =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      List<String> header = p.getHeaderNames();
      String ratingColumn =
          header.contains("rating")
              ? "rating"
              : header.contains("reliability_label") ? "reliability_label" : null;
      if (!header.contains("domain") || ratingColumn == null) {
        throw new IOException(
            csv
                + ": a ratings list needs the columns 'domain' and 'rating' (or"
                + " 'reliability_label'); it has "
                + header);
      }
      for (CSVRecord rec : p) {
        if (!rec.isConsistent()) {
          continue;
        }
        String domain = Article.domainOf(rec.get("domain"));
        String value = rec.get(ratingColumn).strip();
        if (domain == null || !value.matches("-?[01]")) {
          continue;
        }
        out.put(domain, Integer.parseInt(value));
      }
    }
    return out;
  }
}
