package dev.vera.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vera.article.Article;
import dev.vera.testing.FixtureCorpus;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class WordTermsTest {
  private static final int BITS = 20;
  private static final int MASK = (1 << BITS) - 1;

  private static int slot(String word) {
    return TermHash.hash(word, WordTerms.SEED) & MASK;
  }

  private static Map<Integer, Integer> asMap(WordTerms.Counts c) {
    Map<Integer, Integer> m = new TreeMap<>();
    for (int i = 0; i < c.slots().length; i++) {
      m.put(c.slots()[i], c.counts()[i]);
    }
    return m;
  }

  /** Title and body words together, lower-cased by the analysis chain, punctuation gone. */
  @Test
  void countsTheWordsOfTitleAndBody() {
    WordTerms.Counts c =
        new WordTerms(BITS).count(Article.of("The CAT", "the cat, the cat's hat!"));
    Map<Integer, Integer> expected = new TreeMap<>();
    expected.put(slot("the"), 3);
    expected.put(slot("cat"), 2);
    expected.put(slot("cat's"), 1);
    expected.put(slot("hat"), 1);
    assertEquals(expected, asMap(c));
    assertEquals(
        List.of(slot("the"), slot("cat"), slot("cat's"), slot("hat")),
        Arrays.stream(c.slots()).boxed().toList(),
        "slots in first-seen order");
  }

  @Test
  void anEmptyArticleHasNoWordsAndTheCounterStartsAfresh() {
    WordTerms w = new WordTerms(BITS);
    w.count(Article.of("Something", "to count"));
    WordTerms.Counts c = w.count(Article.of("", "!!!"));
    assertEquals(0, c.slots().length);
  }

  /** The scoring path counts the words in the text features' pass: the same counts. */
  @Test
  void theScoringPassCountsTheSameWords() {
    FeatureConfig config = FeatureConfig.defaults();
    List<Article> corpus = FixtureCorpus.articles();
    TextVectorizer v = TextVectorizer.fit(config, corpus.subList(0, 50), d -> {});
    float[] weights = new float[config.dimension()];
    Arrays.fill(weights, 0.01f);
    WordTerms alone = new WordTerms(BITS);
    WordTerms shared = new WordTerms(BITS);
    for (Article a : corpus) {
      double withWords = v.dot(a, weights, shared);
      assertEquals(v.dot(a, weights), withWords, a.id());
      WordTerms.Counts expected = alone.count(a);
      WordTerms.Counts got = shared.take();
      assertArrayEquals(expected.slots(), got.slots(), a.id());
      assertArrayEquals(expected.counts(), got.counts(), a.id());
    }
  }
}
