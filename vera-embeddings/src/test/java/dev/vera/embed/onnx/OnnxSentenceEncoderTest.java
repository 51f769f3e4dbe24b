package dev.vera.embed.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.article.Article;
import dev.vera.embed.ArticleEmbedder;
import dev.vera.embed.EmbeddingCache;
import dev.vera.embed.SentenceEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxSentenceEncoderTest {
  private static final SentenceEncoder ENCODER = SentenceEncoder.bundled();

  /** The core finds this module's encoder through its service file, once per JVM. */
  @Test
  void theCoreFindsThisEncoderOnTheClassPath() {
    assertTrue(SentenceEncoder.available());
    assertTrue(ENCODER instanceof OnnxSentenceEncoder, ENCODER.getClass().getName());
    assertSame(ENCODER, SentenceEncoder.bundled());
  }

  private static float[] one(String text) {
    long[] ids = ENCODER.tokenIds(text);
    return ENCODER.embedWindows(List.of(ids))[0];
  }

  private static double cosine(float[] a, float[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d += a[i] * b[i];
    }
    return d;
  }

  @Test
  void vectorsAreUnitLengthAndTheModelIsNamedByItsBytes() {
    float[] v = one("The senator voted against the bill on Tuesday.");
    assertEquals(SentenceEncoder.DIMENSION, v.length);
    assertEquals(1.0, cosine(v, v), 1e-5);
    assertTrue(ENCODER.id().matches("all-minilm-l6-v2-q@[0-9a-f]{12}"), ENCODER.id());
  }

  /** A paraphrase lies closer than a sentence about something else. */
  @Test
  void aParaphraseIsCloserThanAnotherTopic() {
    float[] a = one("Unemployment fell to its lowest level in fifty years.");
    float[] b = one("The jobless rate dropped to a fifty-year low.");
    float[] c = one("The actress wore a red dress at the premiere.");
    assertTrue(cosine(a, b) > cosine(a, c) + 0.2, cosine(a, b) + " vs " + cosine(a, c));
  }

  /**
   * A window's vector depends on nothing else in the call (the quantized model scales each run's
   * activations, so a padded batch would change it).
   */
  @Test
  void aWindowEmbedsTheSameAloneAndInABatch() {
    long[] short1 = ENCODER.tokenIds("Short one.");
    long[] long1 =
        ENCODER.tokenIds(
            "A much longer sentence that needs many more word pieces than the other one does.");
    float[] alone = ENCODER.embedWindows(List.of(short1))[0];
    float[] batched = ENCODER.embedWindows(List.of(long1, short1))[1];
    assertArrayEquals(alone, batched);
  }

  @Test
  void windowsOutOfRangeAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> ENCODER.embedWindows(List.of(new long[0])));
    assertThrows(
        IllegalArgumentException.class,
        () -> ENCODER.embedWindows(List.of(new long[SentenceEncoder.WINDOW + 1])));
  }

  @Test
  void anArticleIsItsTitleBesideItsBodyWindowsAndZerosForWhatIsBlank() {
    ArticleEmbedder one = new ArticleEmbedder(ENCODER, 1);
    String body = "The council approved the budget. ".repeat(60);
    float[] v = one.embed(Article.of("Budget approved", body));
    assertEquals(ArticleEmbedder.DIMENSION, v.length);
    float[] title = new float[SentenceEncoder.DIMENSION];
    System.arraycopy(v, 0, title, 0, title.length);
    assertArrayEquals(one("Budget approved"), title, 1e-5f);
    float[] noTitle = one.embed(Article.of("", body));
    for (int i = 0; i < SentenceEncoder.DIMENSION; i++) {
      assertEquals(0f, noTitle[i]);
      assertEquals(v[SentenceEncoder.DIMENSION + i], noTitle[SentenceEncoder.DIMENSION + i], 1e-5f);
    }
    // A second window reads further into the body: past the budget, into the scandal.
    Article longer =
        Article.of(
            "Budget approved",
            "The council approved the budget. ".repeat(30)
                + "Then the mayor resigned over a scandal. ".repeat(30));
    float[] first = one.embed(longer);
    float[] two = new ArticleEmbedder(ENCODER, 2).embed(longer);
    assertArrayEquals(v, first, "the first window (126 tokens) is budget text in both");
    assertNotEquals(first[SentenceEncoder.DIMENSION], two[SentenceEncoder.DIMENSION]);
  }

  @Test
  void theCacheGivesBackWhatWasEmbeddedAndSurvivesAReopen(@TempDir Path dir) throws Exception {
    ArticleEmbedder embedder = new ArticleEmbedder(ENCODER, 1);
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      articles.add(Article.of("Story " + i, "Something happened in town number " + i + "."));
    }
    EmbeddingCache cache = EmbeddingCache.open(dir, ENCODER.id(), 1);
    AtomicLong seen = new AtomicLong();
    float[][] first = cache.embedAll(embedder::embed, articles, seen::set);
    assertEquals(5, seen.get());
    assertEquals(null, cache.save());
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count());
    }
    EmbeddingCache again = EmbeddingCache.open(dir, ENCODER.id(), 1);
    // An embedder that would fail proves every vector now comes from the file.
    float[][] second =
        again.embedAll(
            a -> {
              throw new AssertionError("embedded again: " + a.title());
            },
            articles,
            d -> {});
    for (int i = 0; i < 5; i++) {
      assertArrayEquals(first[i], second[i]);
    }
    // A damaged file is ignored, not trusted.
    try (var files = Files.list(dir)) {
      Path f = files.findFirst().orElseThrow();
      Files.write(f, new byte[] {1, 2, 3});
    }
    assertEquals(
        5,
        EmbeddingCache.open(dir, ENCODER.id(), 1)
            .embedAll(embedder::embed, articles, d -> {})
            .length);
  }
}
