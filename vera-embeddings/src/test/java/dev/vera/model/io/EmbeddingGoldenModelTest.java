package dev.vera.model.io;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The bundled models that read sentence embeddings must keep loading and give the scores recorded
 * in {@code golden/bundled-embeddings-expected.json}, as {@link GoldenModelTest} checks the others.
 * After an intended change to scoring, regenerate from the repository root:
 *
 * <pre>
 * mvn -B -o -q -pl vera-embeddings -am test -Dtest=EmbeddingGoldenModelTest \
 *   -Dsurefire.failIfNoSpecifiedTests=false -Dvera.golden.regenerate=true
 * </pre>
 */
class EmbeddingGoldenModelTest {
  private static final String RECORDED = "bundled-embeddings-expected.json";
  private static final List<BundledModel> MODELS =
      List.of(BundledModel.ACCURATE, BundledModel.CLAIMS);

  @Test
  @DisabledIfSystemProperty(named = "vera.golden.regenerate", matches = "true")
  void theBundledModelsWithEmbeddingsGiveTheRecordedScores() throws IOException {
    InputStream in = getClass().getResourceAsStream("/golden/" + RECORDED);
    assertNotNull(in, "missing vera-embeddings/src/test/resources/golden/" + RECORDED);
    GoldenModelTest.assertBundledModelsGiveTheRecordedScores(in, MODELS);
  }

  /** Written by the last Vera that wrote version 4 (a model with an embedding head, no scope). */
  @Test
  void aVersionFourFileWithAnEmbeddingHeadLoadsAndGivesTheRecordedScores() throws IOException {
    GoldenModelTest.assertGoldenFile("golden-v4", EmbeddingGoldenModelTest.class);
  }

  @Test
  @EnabledIfSystemProperty(named = "vera.golden.regenerate", matches = "true")
  void regenerate() throws IOException {
    Path fromRoot = Path.of("vera-embeddings/src/test/resources/golden");
    Path dir =
        Files.isDirectory(Path.of("vera-embeddings/src"))
            ? fromRoot
            : Path.of("src/test/resources/golden");
    GoldenModelGenerator.bundled(dir, RECORDED, MODELS);
  }
}
