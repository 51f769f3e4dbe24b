package dev.vera.model;

import static dev.vera.model.TrainedModelBytesTest.EMBEDDINGS;
import static dev.vera.model.TrainedModelBytesTest.PINNED;
import static dev.vera.model.TrainedModelBytesTest.digest;
import static dev.vera.model.TrainedModelBytesTest.train;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vera.testing.FixtureModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TrainedModelBytesTest's pin of a model with sentence embeddings, run with the real encoder. */
class EmbeddingTrainedModelBytesTest {
  /**
   * The sentence-embedding head adds its own C search and cross-fitting to the stack; embeddings
   * read back from the cache give the same model as embeddings just computed.
   */
  @Test
  void aModelWithEmbeddingsKeepsItsBytesWithAndWithoutACache(@TempDir Path cache)
      throws IOException {
    TrainingConfig config =
        FixtureModels.smallConfig()
            .withEmbeddings(new EmbeddingHead.Settings(1, List.of(0.5, 2.0)));
    TrainingEnvironment cached = PINNED.withCacheDirectory(cache);
    assertEquals(EMBEDDINGS, digest(train(config, FixtureModels.trainingSet(), cached)));
    try (var files = Files.list(cache.resolve("embeddings"))) {
      assertEquals(1, files.count(), "the embeddings are cached in the environment's directory");
    }
    assertEquals(EMBEDDINGS, digest(train(config, FixtureModels.trainingSet(), cached)));
    assertEquals(EMBEDDINGS, digest(train(config, FixtureModels.trainingSet(), PINNED)));
  }
}
