package dev.vera.model.io;

import static dev.vera.model.io.ModelFileTest.VERSION_OFFSET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.article.Article;
import dev.vera.embed.ArticleEmbedder;
import dev.vera.embed.SentenceEncoder;
import dev.vera.model.CredibilityModel;
import dev.vera.model.EmbeddingHead;
import dev.vera.model.Explanation;
import dev.vera.model.LinearTrainer;
import dev.vera.model.ProgressListener;
import dev.vera.model.ScoreStack;
import dev.vera.model.ScoringOptions;
import dev.vera.testing.FixtureCorpus;
import dev.vera.testing.FixtureModels;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Model files that stack a sentence-embedding classifier, with the real encoder. */
class EmbeddingModelFileTest {
  /** A model stacking a sentence-embedding classifier reads back exactly. */
  @Test
  void aModelWithSentenceEmbeddingsRoundTrips() throws IOException {
    CredibilityModel withEmbeddings =
        new LinearTrainer(
                FixtureModels.smallConfig()
                    .withEmbeddings(new EmbeddingHead.Settings(1, List.of(1.0))))
            .train(FixtureModels.trainingSet(), ProgressListener.NONE);
    assertNotNull(withEmbeddings.embedding());
    assertTrue(
        withEmbeddings.card().parameters().embeddings().startsWith(SentenceEncoder.bundled().id()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ModelFile.write(withEmbeddings, out);
    byte[] b = out.toByteArray();
    assertEquals(ModelFile.VERSION, ByteBuffer.wrap(b, VERSION_OFFSET, 4).getInt());
    CredibilityModel back = ModelFile.read(new ByteArrayInputStream(b), "embeddings");
    assertEquals(withEmbeddings.embedding(), back.embedding());
    assertEquals(withEmbeddings.stack(), back.stack());
    assertEquals(withEmbeddings.card(), back.card());
    for (Article a : FixtureCorpus.part(FixtureCorpus.articles(), "test")) {
      assertEquals(
          withEmbeddings.predict(a, ScoringOptions.DEFAULT),
          back.predict(a, ScoringOptions.DEFAULT));
    }
    Article a = FixtureCorpus.articles().get(3);
    Explanation e = back.explain(a, ScoringOptions.DEFAULT, 5, false);
    assertNotNull(e.embedding());
    assertEquals(withEmbeddings.explain(a, ScoringOptions.DEFAULT, 5, false), e);
  }

  /**
   * Weights fitted on another encoder's vectors mean nothing on this one's: refused, saying why.
   */
  @Test
  void aModelFromAnotherEncoderIsRefused() {
    CredibilityModel m = FixtureModels.model();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new CredibilityModel(
                    m.vectorizer(),
                    m.weights(),
                    m.intercept(),
                    m.calibrator(),
                    m.reputation(),
                    m.combiner(),
                    m.trainingHashes(),
                    m.card(),
                    null,
                    new ScoreStack(1, 1, new double[0], 0),
                    new EmbeddingHead(
                        "other-encoder@000000000000",
                        1,
                        new float[ArticleEmbedder.DIMENSION],
                        0,
                        1)));
    assertTrue(
        e.getMessage()
            .contains(
                "encoder other-encoder@000000000000, but this Vera bundles all-minilm-l6-v2-q@"),
        e.getMessage());
  }

  /** The bundled models that read embeddings load by name once this module is present. */
  @Test
  void theBundledModelsThatReadEmbeddingsLoad() throws IOException {
    CredibilityModel accurate = BundledModel.ACCURATE.load(null);
    assertTrue(accurate.card().modelId().startsWith("vera-accurate-"), accurate.card().modelId());
    assertNotNull(accurate.embedding());
    assertTrue(
        BundledModel.CLAIMS.loadCheckWorthiness(null).card().name().startsWith("vera-claims"));
  }
}
