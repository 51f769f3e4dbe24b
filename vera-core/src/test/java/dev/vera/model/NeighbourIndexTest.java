package dev.vera.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.article.Article;
import dev.vera.article.Label;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class NeighbourIndexTest {
  private static Article article(String id, String title, String text, String source, Label label) {
    return new Article(id, title, text, null, null, source, label, Map.of());
  }

  /** Two retellings of a divorce rumour, two of an album launch, one royal story, one aside. */
  private static final List<Article> TRAIN =
      List.of(
          article(
              "rumour-a",
              "Pitt and Jolie divorce shock",
              "Brad Pitt and Angelina Jolie are heading for divorce, an insider claims.",
              "gossip.example",
              Label.FAKE),
          article(
              "rumour-b",
              "Jolie files for divorce from Pitt",
              "Angelina Jolie filed for divorce from Brad Pitt, insiders say.",
              "tabloid.example",
              Label.FAKE),
          article(
              "album-a",
              "Taylor Swift announces new album",
              "Taylor Swift announced her new album on Monday, her label said.",
              "wire.example",
              Label.REAL),
          article(
              "album-b",
              "Swift album out in May",
              "The new album by Taylor Swift will be out in May, the label said.",
              "gossip.example",
              Label.REAL),
          article(
              "royal",
              "Palace confirms royal wedding date",
              "The palace confirmed the date of the royal wedding on Tuesday.",
              "wire.example",
              Label.REAL),
          article(
              "aside",
              "Weather turns cold",
              "Snow is expected in the north on Tuesday, forecasters said.",
              "weather.example",
              Label.REAL));

  private static NeighbourIndex index(int k) {
    return NeighbourIndex.build(TRAIN, new NeighbourIndex.Settings(k, 64), done -> {});
  }

  private static List<String> ids(List<NeighbourIndex.Neighbour> ns) {
    return ns.stream().map(NeighbourIndex.Neighbour::id).toList();
  }

  @Test
  void theSameStoryComesFirstAndAnUnrelatedOneNotAtAll() {
    Article q =
        article(
            null,
            "Pitt Jolie divorce",
            "Brad Pitt and Angelina Jolie divorce, an insider says.",
            "other.example",
            null);
    List<NeighbourIndex.Neighbour> near = index(3).nearest(q, -1);
    assertEquals(List.of("rumour-a", "rumour-b"), ids(near).subList(0, 2));
    assertEquals(Label.FAKE, near.get(0).label());
    assertTrue(near.get(0).similarity() >= near.get(1).similarity());
    assertTrue(near.get(0).similarity() > 0.3 && near.get(0).similarity() <= 1.0, "" + near.get(0));
    // Words in common with nothing else: the weather story shares no kept word with the query.
    assertTrue(ids(index(6).nearest(q, -1)).stream().noneMatch("aside"::equals));
  }

  /** A neighbour comes as a story a reader can find: title, publisher, date and URL. */
  @Test
  void neighboursComeWithTheirTitlePublisherDateAndUrl() {
    List<Article> train = new ArrayList<>(TRAIN);
    Article a = train.get(0);
    train.set(
        0,
        new Article(
            a.id(),
            a.title(),
            a.text(),
            LocalDate.of(2017, 3, 2),
            "https://gossip.example/pitt-jolie",
            a.source(),
            a.label(),
            Map.of()));
    NeighbourIndex idx =
        NeighbourIndex.build(train, new NeighbourIndex.Settings(2, 64), done -> {});
    Article q =
        article(
            null,
            "Pitt Jolie divorce",
            "Brad Pitt and Angelina Jolie divorce, an insider says.",
            "other.example",
            null);
    List<NeighbourIndex.Neighbour> near = idx.nearest(q, -1);
    assertEquals(
        new NeighbourIndex.Story(
            "Pitt and Jolie divorce shock",
            "gossip.example",
            LocalDate.of(2017, 3, 2),
            "https://gossip.example/pitt-jolie"),
        near.get(0).story());
    // What the article did not have stays unknown.
    assertEquals(
        new NeighbourIndex.Story(
            "Jolie files for divorce from Pitt", "tabloid.example", null, null),
        near.get(1).story());
    // An index written before stories were kept knows the publisher alone.
    NeighbourIndex old =
        new NeighbourIndex(
            idx.settings(),
            idx.idf(),
            idx.postingStarts(),
            idx.postingDocs(),
            idx.postingWeights(),
            idx.labels(),
            idx.ids(),
            idx.publishers(),
            idx.publisherOf());
    assertEquals(
        new NeighbourIndex.Story(null, "gossip.example", null, null),
        old.nearest(q, -1).get(0).story());
  }

  @Test
  void aTrainingArticleFindsItselfAtSimilarityOneUnlessLeftOut() {
    NeighbourIndex idx = index(2);
    Article self = TRAIN.get(2).withLabel(null);
    // Its own publisher is wire.example: give the query none, so only position excludes it.
    Article anonymous =
        new Article(null, self.title(), self.text(), null, null, null, null, Map.of());
    List<NeighbourIndex.Neighbour> near = idx.nearest(anonymous, -1);
    assertEquals("album-a", near.get(0).id());
    assertEquals(1.0, near.get(0).similarity(), 1e-3);
    assertEquals("album-b", idx.nearest(anonymous, 2).get(0).id());
  }

  @Test
  void articlesOfTheSamePublisherAreNeverNeighbours() {
    Article q =
        article(
            null,
            "Pitt and Jolie divorce shock",
            "Brad Pitt and Angelina Jolie are heading for divorce, an insider claims.",
            "gossip.example",
            null);
    List<String> found = ids(index(6).nearest(q, -1));
    assertEquals("rumour-b", found.get(0));
    assertTrue(
        found.stream().noneMatch(id -> id.equals("rumour-a") || id.equals("album-b")), "" + found);
    // The publisher is also read off the URL when no source is given.
    Article byUrl =
        new Article(
            null,
            q.title(),
            q.text(),
            null,
            "https://www.gossip.example/story",
            null,
            null,
            Map.of());
    assertEquals(found, ids(index(6).nearest(byUrl, -1)));
  }

  @Test
  void evidenceCountsTheLabelsAndWeighsThemBySimilarity() {
    Article q =
        article(
            null,
            "Pitt Jolie divorce",
            "Brad Pitt and Angelina Jolie divorce, an insider says.",
            "other.example",
            null);
    NeighbourIndex idx = index(3);
    List<NeighbourIndex.Neighbour> near = idx.nearest(q, -1);
    NeighbourEvidence e = NeighbourEvidence.of(near, 3, idx.prior());
    assertEquals(3, e.k());
    assertEquals((int) near.stream().filter(n -> n.label() == Label.FAKE).count(), e.fake());
    double wFake = 0;
    double w = 0;
    for (NeighbourIndex.Neighbour n : near) {
      double s = n.similarity() * n.similarity();
      w += s;
      wFake += n.label() == Label.FAKE ? s : 0;
    }
    assertEquals((wFake + 1e-4 * idx.prior()) / (w + 1e-4), e.weightedFakeShare(), 1e-12);
    assertTrue(e.nearestFake());
    assertEquals(near.get(0).similarity(), e.nearestSimilarity(), 1e-12);
  }

  @Test
  void anArticleWithNoKnownWordGetsThePrior() {
    NeighbourIndex idx = index(3);
    NeighbourEvidence e =
        NeighbourEvidence.of(idx.nearest(Article.of("Zzyzx", "Qwxv plugh."), -1), 3, idx.prior());
    assertEquals(0, e.fake());
    assertEquals(2.0 / 6, e.weightedFakeShare(), 1e-12);
    assertEquals(0.0, e.nearestSimilarity());
  }

  @Test
  void buildingTwiceGivesTheSameTables() {
    NeighbourIndex a = index(3);
    NeighbourIndex b = index(3);
    Assertions.assertArrayEquals(a.idf(), b.idf());
    Assertions.assertArrayEquals(a.postingDocs(), b.postingDocs());
    Assertions.assertArrayEquals(a.postingWeights(), b.postingWeights());
  }

  @Test
  void settingsAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> new NeighbourIndex.Settings(0, 64));
    assertThrows(IllegalArgumentException.class, () -> new NeighbourIndex.Settings(30, 0));
  }
}
