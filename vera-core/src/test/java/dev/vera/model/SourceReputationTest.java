package dev.vera.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.article.Article;
import dev.vera.article.Label;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
   * a.com: 3 fake, 1 real; b.com: 2 real; two labelled articles without a source (1 fake, 1 real);
   * one unlabelled a.com article that must not count. Prior: 4 fake of 8 = 0.5.
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

  private static OutletRatings classes(Map<String, Double> values) {
    return new OutletRatings(
        List.of(new OutletRatings.RatingList("r", OutletRatings.Kind.CLASSES, values)));
  }

  @Test
  void smoothedRatesByHand() {
    SourceReputation r = SourceReputation.learn(training(), 2.0, OutletRatings.NONE);
    assertEquals(0.5, r.prior(), 0);
    assertEquals(2.0, r.smoothing(), 0);

    SourceEvidence a = r.evidence(from("a.com", null));
    assertEquals(SourceEvidence.Basis.TRAINING, a.basis());
    assertEquals("a.com", a.domain());
    assertEquals((3 + 2 * 0.5) / (4 + 2), a.fakeRate(), 1e-15);
    assertEquals(4, a.trainingArticles());
    assertEquals(Map.of(), a.ratings());

    SourceEvidence b = r.evidence(from("b.com", null));
    assertEquals((0 + 2 * 0.5) / (2 + 2), b.fakeRate(), 1e-15);
    assertEquals(2, b.trainingArticles());

    // More smoothing pulls toward the prior.
    SourceReputation heavy = r.withSmoothing(30.0);
    assertEquals((3 + 30 * 0.5) / (4 + 30), heavy.evidence(from("a.com", null)).fakeRate(), 1e-15);
  }

  @Test
  void domainComesFromTheUrlWhenNoSourceIsGiven() {
    SourceReputation r = SourceReputation.learn(training(), 2.0, OutletRatings.NONE);
    Article byUrl =
        new Article(null, "t", "b", null, "https://WWW.A.com/story?id=1", null, null, Map.of());
    SourceEvidence e = r.evidence(byUrl);
    assertEquals("a.com", e.domain());
    assertEquals(SourceEvidence.Basis.TRAINING, e.basis());
    // A source given in another case is looked up in lower case.
    assertEquals(SourceEvidence.Basis.TRAINING, r.evidence(from("A.COM", null)).basis());
  }

  @Test
  void unknownOrMissingPublisherHasBasisNoneAndThePrior() {
    SourceReputation r = SourceReputation.learn(training(), 2.0, OutletRatings.NONE);
    SourceEvidence unknown = r.evidence(from("c.com", null));
    assertEquals(
        new SourceEvidence("c.com", SourceEvidence.Basis.NONE, 0.5, 0, Map.of(), null), unknown);
    SourceEvidence none = r.evidence(Article.of("t", "b"));
    assertEquals(new SourceEvidence(null, SourceEvidence.Basis.NONE, 0.5, 0, Map.of(), null), none);
  }

  /**
   * Ratings stand in for outlets unseen in training, through the rating model fitted on the rated
   * training articles: outlets rated -1 (a.com: 3 of 4 fake) against 1 (b.com: 0 of 2); a subdomain
   * finds its parent's rating.
   */
  @Test
  void ratingsCoverUnseenOutletsThroughParentDomains() {
    OutletRatings ratings =
        classes(Map.of("a.com", -1.0, "example.com", -1.0, "b.com", 1.0, "com", 1.0));
    SourceReputation r = SourceReputation.learn(training(), 2.0, ratings);

    SourceEvidence sub = r.evidence(from("news.example.com", null));
    assertEquals(SourceEvidence.Basis.RATINGS, sub.basis());
    assertEquals("example.com", sub.ratedDomain());
    assertEquals(Map.of("r", -1.0), sub.ratings());
    // The fitted rate of class -1 is a.com's 3 of 4 (a whisker of ridge aside).
    assertEquals(0.75, sub.fakeRate(), 0.01);
    SourceEvidence deeper = r.evidence(from("live.news.example.com", null));
    assertEquals("example.com", deeper.ratedDomain());

    // A training domain keeps its own counts, pulled toward its rating's rate, and reports it.
    SourceEvidence a = r.evidence(from("a.com", null));
    assertEquals(SourceEvidence.Basis.TRAINING, a.basis());
    assertEquals((3 + 2 * sub.fakeRate()) / (4 + 2), a.fakeRate(), 1e-12);
    assertEquals(Map.of("r", -1.0), a.ratings());

    // A bare top-level domain is never used as a parent: other.com is not rated through "com".
    assertEquals(SourceEvidence.Basis.NONE, r.evidence(from("other.com", null)).basis());
  }

  /** A continuous score: low-rated training outlets were fake, high-rated ones credible. */
  @Test
  void aScoreListRanksUnseenOutletsByTheirScore() {
    List<Article> t = new ArrayList<>();
    Map<String, Double> pc1 = new HashMap<>();
    for (int d = 0; d < 10; d++) {
      double score = d / 9.0;
      pc1.put("site" + d + ".org", score);
      for (int i = 0; i < 10; i++) {
        // Site d has (9 - d) fake articles of 10.
        t.add(from("site" + d + ".org", i < 9 - d ? Label.FAKE : Label.REAL));
      }
    }
    pc1.put("low.org", 0.1);
    pc1.put("high.org", 0.9);
    OutletRatings ratings =
        new OutletRatings(
            List.of(new OutletRatings.RatingList("pc1", OutletRatings.Kind.SCORE, pc1)));
    SourceReputation r = SourceReputation.learn(t, 3.0, ratings);
    SourceEvidence low = r.evidence(from("low.org", null));
    SourceEvidence high = r.evidence(from("high.org", null));
    assertEquals(SourceEvidence.Basis.RATINGS, low.basis());
    assertTrue(
        low.fakeRate() > 0.7 && high.fakeRate() < 0.3, low.fakeRate() + " vs " + high.fakeRate());
  }

  @Test
  void withoutRatedTrainingArticlesThereIsNoRatingModel() {
    SourceReputation r = SourceReputation.learn(training(), 2.0, classes(Map.of("mixed.org", 0.0)));
    assertNull(r.ratingWeights());
    SourceEvidence e = r.evidence(from("mixed.org", null));
    assertEquals(SourceEvidence.Basis.NONE, e.basis());
    assertEquals(0.5, e.fakeRate(), 0);
  }

  @Test
  void readsAListOfClasses() throws IOException, URISyntaxException {
    Path csv = Path.of(getClass().getResource("/ratings/ratings.csv").toURI());
    OutletRatings.RatingList l = OutletRatings.read(csv);
    assertEquals("ratings", l.name());
    assertEquals(OutletRatings.Kind.CLASSES, l.kind());
    assertEquals(Map.of("a.com", -1.0, "b.com", 1.0, "example.com", -1.0), l.values());
  }

  @Test
  void readsRatingScoresAndGrades() throws IOException {
    Path rating = dir.resolve("r.csv");
    Files.writeString(rating, "rating,domain\n0,mixed.org\n1,WWW.Wire.Example.ORG\n2,odd.org\n");
    assertEquals(
        Map.of("mixed.org", 0.0, "wire.example.org", 1.0), OutletRatings.read(rating).values());
    Path pc1 = dir.resolve("lin.csv");
    Files.writeString(pc1, "domain,pc1\nreuters.com,1\nbad.net,0.125\nnan.org,NaN\n");
    OutletRatings.RatingList score = OutletRatings.read(pc1);
    assertEquals(OutletRatings.Kind.SCORE, score.kind());
    assertEquals(Map.of("reuters.com", 1.0, "bad.net", 0.125), score.values());
    Path mbfc = dir.resolve("mbfc.csv");
    Files.writeString(
        mbfc,
        "page,factual_reporting,domain\nA,MOSTLY FACTUAL,a.org\nB,very low,b.org\nC,,c.org\nD,HIGH,a.org\n");
    OutletRatings.RatingList grades = OutletRatings.read(mbfc);
    assertEquals(OutletRatings.Kind.FACTUAL, grades.kind());
    // The first row of a domain wins; an empty grade is no rating.
    assertEquals(Map.of("a.org", 3.0, "b.org", 0.0), grades.values());
  }

  @Test
  void aListWithoutKnownColumnsFailsNamingThem() throws URISyntaxException {
    Path csv = Path.of(getClass().getResource("/ratings/no-rating-column.csv").toURI());
    IOException e = assertThrows(IOException.class, () -> OutletRatings.read(csv));
    assertEquals(
        csv
            + ": a ratings list needs a 'domain' column and one of 'pc1', 'factual_reporting',"
            + " 'reliability_label' or 'rating'; it has [site, score]",
        e.getMessage());
  }
}
