package dev.vera.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.model.CredibilityModel;
import dev.vera.model.ScoringOptions;
import dev.vera.model.io.BundledModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java API over a real bundled model: the same figures as the machinery it wraps. */
class VeraTest {
  private static final Article RUMOR =
      Article.builder()
          .id("rumor")
          .title("Pop star secretly engaged, insiders claim")
          .text(
              "Sources close to the singer say she is secretly engaged to her co-star after a"
                  + " whirlwind romance. Fans are shocked! An insider told us the couple plan a"
                  + " private ceremony next month, though neither has confirmed the rumors.")
          .source("https://www.Example-Gossip.com/story")
          .date(LocalDate.of(2018, 3, 14))
          .build();

  private static Vera vera;
  private static CredibilityModel internal;

  @BeforeAll
  static void load() throws IOException {
    vera = Vera.load("fast");
    internal = BundledModel.FAST.load(null);
  }

  @Test
  void aCheckCarriesTheModelsFigures() {
    Check c = vera.check(RUMOR);
    var v = internal.predict(RUMOR.internal(), ScoringOptions.DEFAULT);
    assertEquals("rumor", c.id());
    assertEquals(v.probabilityFake(), c.probabilityFake());
    assertEquals(v.threshold(), c.threshold());
    assertEquals(c.probabilityFake() >= c.threshold(), c.fake());
    assertEquals(c.fake() ? Check.Verdict.FAKE : Check.Verdict.CREDIBLE, c.verdict());
    assertFalse(c.usedSource());
    assertEquals("example-gossip.com", c.source().domain());
    assertEquals(vera.card().baseRate(), c.baseRate(), 1e-12);
  }

  @Test
  void optionsMakeACopyAndLeaveTheOriginalAlone() {
    Check before = vera.check(RUMOR);
    Vera rare = vera.withBaseRate(0.05);
    Check after = rare.check(RUMOR);
    assertEquals(0.05, after.baseRate());
    assertTrue(after.probabilityFake() < before.probabilityFake(), before + " then " + after);
    assertEquals(before, vera.check(RUMOR), "the original keeps its options");
    assertEquals(0.99, vera.withThreshold(0.99).check(RUMOR).threshold());
    assertTrue(vera.withSource(true).check(RUMOR).usedSource());
    assertThrows(IllegalArgumentException.class, () -> vera.withBaseRate(1.0));
    assertThrows(IllegalArgumentException.class, () -> vera.withThreshold(0));
  }

  @Test
  void anExplanationSaysWhyInTheSameTerms() {
    Explained e = vera.explain(RUMOR, 3);
    assertEquals(vera.check(RUMOR), e.check());
    assertTrue(e.towardFake().size() <= 3 && !e.towardFake().isEmpty(), e::toString);
    assertTrue(e.towardFake().stream().allMatch(p -> p.weight() > 0), e::toString);
    assertTrue(e.towardCredible().stream().allMatch(p -> p.weight() < 0), e::toString);
    assertEquals(3, e.sentences().size());
    for (Explained.Sentence s : e.sentences()) {
      assertEquals(s.text(), RUMOR.text().substring(s.start(), s.start() + s.text().length()));
    }
    assertEquals(
        internal.explain(RUMOR.internal(), ScoringOptions.DEFAULT, 3, true).style().size(),
        e.style().size());
    assertNotNull(e.neighbours(), "the fast models read their nearest training articles");
    assertFalse(e.neighbours().nearest().isEmpty(), e::toString);
    for (Explained.Neighbour n : e.neighbours().nearest()) {
      // The bundled models keep each training article's title, publisher, date and URL.
      assertNotNull(n.title(), n::toString);
      assertNotNull(n.url(), n::toString);
    }
    assertThrows(UnsupportedOperationException.class, () -> e.towardFake().clear());
  }

  @Test
  void theCardIsTheModelsCard() {
    Card c = vera.card();
    assertEquals(internal.card().modelId(), c.modelId());
    assertTrue(c.trainingArticles() > 1000, c::toString);
    assertTrue(c.markdown().startsWith("# Model card: " + c.modelId()), c.markdown());
    assertTrue(c.baseRate() > 0 && c.baseRate() < 1);
  }

  @Test
  void aFileLoadsAsItsBundledNameDoes(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("m.vera");
    try (InputStream in = BundledModel.FAST.open(null)) {
      Files.copy(in, file);
    }
    assertEquals(vera.check(RUMOR), Vera.load(file).check(RUMOR));
    IOException missing =
        assertThrows(IOException.class, () -> Vera.load(dir.resolve("none.vera")));
    assertTrue(missing.getMessage().startsWith("model file not found: "), missing.getMessage());
  }

  @Test
  void unknownNamesAndEmptyArticlesAreRefusedSayingWhy() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Vera.load("fastest"));
    assertEquals(
        "no bundled model is named 'fastest'; the bundled models are [fast, fast-gossipcop, accurate]",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Article.of(" ", ""));
    IllegalStateException absent =
        assertThrows(IllegalStateException.class, () -> Vera.load("accurate"));
    assertTrue(
        absent.getMessage().startsWith("the accurate model needs the vera-embeddings module"));
  }

  @Test
  void anArticleKeepsWhatItWasGiven() {
    assertEquals("example-gossip.com", RUMOR.source());
    assertEquals(
        "apnews.com",
        Article.builder().text("x").url("https://www.apnews.com/a/b").build().source());
    assertEquals("ap news", Article.builder().text("x").source("AP News").build().source());
    assertEquals(Article.of("t", "b"), Article.of("t", "b"));
    assertNotEquals(Article.of("t", "b"), Article.of("t", "c"));
    assertEquals(
        "https://example.com/x",
        Article.builder().text("x").url("https://user:pw@example.com/x").build().url());
  }
}
