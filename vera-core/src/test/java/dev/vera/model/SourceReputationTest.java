package dev.vera.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vera.article.Article;
import dev.vera.article.Label;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceReputationTest {
  @TempDir Path dir;

  private static Article from(String source, Label label) {
    return new Article(null, "t", "b", null, null, source, label, Map.of());
  }

  /**
   * a.com: 3 fake, 1 real; b.com: 2 real; two labelled articles without a source (1 fake, 1
   * real); one unlabelled a.com article that must not count. Prior: 4 fake of 8 = 0.5.
   */
  private static List<Article> training() {
    List<Article> t = new ArrayList<>();
    t.add(from("a.com", Label.FAKE));
    t.add(from("a.com", Label.FAKE));
    t.add(from("a.com", Label.FAKE));
    t.add(from("a.com", Label.REAL));
    t.add(from("b.com", Label.REAL));
    t.add(from("b.com", Label.REAL));
    t.add(from(null, Label.FAKE));
    t.add(from(null, Label.REAL));
    t.add(from("a.com", null));
    return t;
  }

  @Test
  void smoothedRatesByHand() {
    SourceReputation r = SourceReputation.learn(training(), 2.0, Map.of());
    assertEquals(0.5, r.prior(), 0);
    assertEquals(2.0, r.smoothing(), 0);

    SourceEvidence a = r.evidence(from("a.com", null));
    assertEquals(SourceEvidence.Basis.TRAINING, a.basis());
    assertEquals("a.com", a.domain());
    assertEquals((3 + 2 * 0.5) / (4 + 2), a.fakeRate(), 1e-15);
    assertEquals(4, a.trainingArticles());
    assertEquals(null, a.rating());

    SourceEvidence b = r.evidence(from("b.com", null));
    assertEquals((0 + 2 * 0.5) / (2 + 2), b.fakeRate(), 1e-15);
    assertEquals(2, b.trainingArticles());

    // More smoothing pulls toward the prior.
    SourceReputation heavy = r.withSmoothing(training(), 30.0);
    assertEquals((3 + 30 * 0.5) / (4 + 30), heavy.evidence(from("a.com", null)).fakeRate(), 1e-15);
  }

  @Test
  void domainComesFromTheUrlWhenNoSourceIsGiven() {
    SourceReputation r = SourceReputation.learn(training(), 2.0, Map.of());
    Article byUrl = new Article(null, "t", "b", null, "https://WWW.A.com/story?id=1", null, null, Map.of());
    SourceEvidence e = r.evidence(byUrl);
    assertEquals("a.com", e.domain());
    assertEquals(SourceEvidence.Basis.TRAINING, e.basis());
    // A source given in another case is looked up in lower case.
    assertEquals(SourceEvidence.Basis.TRAINING, r.evidence(from("A.COM", null)).basis());
  }

  @Test
  void unknownOrMissingPublisherHasBasisNoneAndThePrior() {
    SourceReputation r = SourceReputation.learn(training(), 2.0, Map.of());
    SourceEvidence unknown = r.evidence(from("c.com", null));
    assertEquals(new SourceEvidence("c.com", SourceEvidence.Basis.NONE, 0.5, 0, null, null), unknown);
    SourceEvidence none = r.evidence(Article.of("t", "b"));
    assertEquals(new SourceEvidence(null, SourceEvidence.Basis.NONE, 0.5, 0, null, null), none);
  }

  /**
   * Ratings stand in for outlets unseen in training, via the fake rate that training articles
   * from outlets with the same rating had; a subdomain finds its parent's rating.
   */
  @Test
  void ratingsCoverUnseenOutletsThroughParentDomains() {
    Map<String, Integer> ratings = Map.of("a.com", -1, "example.com", -1, "b.com", 1, "com", 1);
    SourceReputation r = SourceReputation.learn(training(), 2.0, ratings);
    // Rating -1 covers a.com's training articles: (3 + 2*0.5) / (4 + 2).
    assertEquals((3 + 1.0) / 6, r.ratingFakeRates().get(-1), 1e-15);
    assertEquals((0 + 1.0) / 4, r.ratingFakeRates().get(1), 1e-15);

    SourceEvidence sub = r.evidence(from("news.example.com", null));
    assertEquals(
        new SourceEvidence("news.example.com", SourceEvidence.Basis.RATINGS, 4.0 / 6, 0, -1, "example.com"),
        sub);
    SourceEvidence deeper = r.evidence(from("live.news.example.com", null));
    assertEquals("example.com", deeper.ratedDomain());
    assertEquals(SourceEvidence.Basis.RATINGS, deeper.basis());

    // A training domain keeps its own counts and also reports its rating.
    SourceEvidence a = r.evidence(from("a.com", null));
    assertEquals(SourceEvidence.Basis.TRAINING, a.basis());
    assertEquals(-1, a.rating());
    assertEquals("a.com", a.ratedDomain());

    // A bare top-level domain is never used as a parent: other.com is not rated through "com".
    assertEquals(SourceEvidence.Basis.NONE, r.evidence(from("other.com", null)).basis());
  }

  @Test
  void aRatingNoTrainingOutletSharesGivesNothing() {
    // Rating 0 exists only for an outlet with no training articles: no rate to carry over.
    SourceReputation r = SourceReputation.learn(training(), 2.0, Map.of("mixed.org", 0));
    assertEquals(Map.of(), r.ratingFakeRates());
    SourceEvidence e = r.evidence(from("mixed.org", null));
    assertEquals(SourceEvidence.Basis.NONE, e.basis());
    assertEquals(0.5, e.fakeRate(), 0);
  }

  @Test
  void readRatingsWithReliabilityLabelColumn() throws IOException, URISyntaxException {
    Path csv = Path.of(getClass().getResource("/ratings/ratings.csv").toURI());
    assertEquals(
        Map.of("a.com", -1, "b.com", 1, "example.com", -1), SourceReputation.readRatings(csv));
  }

  @Test
  void readRatingsWithRatingColumn() throws IOException {
    Path csv = dir.resolve("r.csv");
    Files.writeString(csv, "rating,domain\n0,mixed.org\n1,WWW.Wire.Example.ORG\n");
    assertEquals(
        Map.of("mixed.org", 0, "wire.example.org", 1), SourceReputation.readRatings(csv));
  }

  @Test
  void readRatingsWithoutTheColumnsFailsNamingThem() throws URISyntaxException {
    Path csv = Path.of(getClass().getResource("/ratings/no-rating-column.csv").toURI());
    IOException e = assertThrows(IOException.class, () -> SourceReputation.readRatings(csv));
    assertEquals(
        csv
            + ": a ratings list needs the columns 'domain' and 'rating' (or 'reliability_label');"
            + " it has [site, score]",
        e.getMessage());
  }
}
