package dev.vera.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vera.article.Article;
import dev.vera.article.Label;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorpusMixTest {
  private static List<Article> articles(String corpus, int n, int fake) {
    List<Article> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          new Article(
              corpus + i,
              "t",
              "x",
              null,
              null,
              null,
              i < fake ? Label.FAKE : Label.REAL,
              Map.of(),
              corpus));
    }
    return out;
  }

  /** A: 300 articles, 90 fake; B: 100 articles, 50 fake. */
  private static List<Article> twoCorpora() {
    List<Article> all = new ArrayList<>(articles("a", 300, 90));
    all.addAll(articles("b", 100, 50));
    return all;
  }

  @Test
  void balanceOneGivesEveryCorpusTheSameTotalWeight() {
    CorpusMix mix = CorpusMix.of(twoCorpora(), 1.0);
    // Weights n^-1 scaled to average 1 over the 400 articles: s/300 and s/100 with 2s = 400.
    assertEquals(200.0 / 300.0, mix.corpus("a").weight(), 1e-12);
    assertEquals(2.0, mix.corpus("b").weight(), 1e-12);
    // The weighted share of fake is the mean of the two corpora's rates: (0.3 + 0.5) / 2.
    assertEquals(0.4, mix.referenceRate(), 1e-12);
    Article fromB = articles("b", 1, 0).get(0);
    assertEquals(BaseRate.shift(0.5, 0.4), mix.offsetOf(fromB), 1e-12);
    assertEquals(2.0, mix.weightOf(fromB), 1e-12);
  }

  @Test
  void balanceZeroCountsEveryArticleAlike() {
    CorpusMix mix = CorpusMix.of(twoCorpora(), 0.0);
    assertEquals(1.0, mix.corpus("a").weight(), 1e-12);
    assertEquals(1.0, mix.corpus("b").weight(), 1e-12);
    assertEquals(140.0 / 400.0, mix.referenceRate(), 1e-12);
  }

  @Test
  void anArticleOfNoKnownCorpusWeighsOneAndHasNoOffset() {
    CorpusMix mix = CorpusMix.of(twoCorpora(), 1.0);
    Article stranger = Article.of("t", "x");
    assertEquals(-1, mix.indexOf(stranger));
    assertEquals(1.0, mix.weightOf(stranger), 0);
    assertEquals(0.0, mix.offsetOf(stranger), 0);
    assertEquals(List.of("a", "b"), mix.names());
  }

  @Test
  void refusesABalanceOutsideZeroToOne() {
    assertThrows(IllegalArgumentException.class, () -> CorpusMix.of(twoCorpora(), 1.5));
    assertThrows(IllegalArgumentException.class, () -> CorpusMix.of(List.of(), 1.0));
  }
}
