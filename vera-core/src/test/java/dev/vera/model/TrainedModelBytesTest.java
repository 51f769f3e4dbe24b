package dev.vera.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vera.experiment.Splits;
import dev.vera.io.Sha256;
import dev.vera.model.io.ModelFile;
import dev.vera.testing.FixtureCorpus;
import dev.vera.testing.FixtureModels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the bytes of models trained on the fixture corpus: a change to how training is composed
 * must not change a single weight, choice or card figure. The expected digests were recorded
 * before the trainer was split into pieces; only a deliberate change to what training computes
 * may update them (and must say so in its commit).
 */
class TrainedModelBytesTest {
  /** 2026-12-05T00:00:00Z, the clock every pinned model is trained at. */
  static final Instant TRAINED_AT = Instant.ofEpochSecond(1796428800L);

  @Test
  void theFixtureModelKeepsItsBytes() throws IOException {
    assertEquals("ca3b0e61e5cbff7c236fccd2eaa35cbd702010d8ac77c90bba260b3ff361d98b", digest(train(FixtureModels.smallConfig(), FixtureModels.trainingSet())));
  }

  /** Without neighbours nothing is stacked and the calibration is fitted on validation alone. */
  @Test
  void aLinearModelKeepsItsBytes() throws IOException {
    assertEquals(
        "4bb6974c85dccc680343321ed599bd67c9ba8fa2deff282f62c284bc888a1a28",
        digest(train(FixtureModels.smallConfig().withNeighbours(null), FixtureModels.trainingSet())));
  }

  /** Two corpora bring in per-corpus weights, domain calibration and per-corpus card entries. */
  @Test
  void aTwoCorpusModelKeepsItsBytes() throws IOException {
    TrainingSet set =
        Splits.byField(MultiCorpusTrainingTest.twoCorpora(), FixtureCorpus.SPLIT_FIELD, List.of());
    assertEquals("6537ab798ba9e3b3b003da64a5766451700b475e7bfd9402902375c1d7756d54", digest(train(FixtureModels.smallConfig(), set)));
  }

  /** The sentence-embedding head adds its own C search and cross-fitting to the stack. */
  @Test
  void aModelWithEmbeddingsKeepsItsBytes() throws IOException {
    TrainingConfig config =
        FixtureModels.smallConfig().withEmbeddings(new EmbeddingHead.Settings(1, List.of(0.5, 2.0)));
    assertEquals("84f67df311855c5ab451999e09353f9ce23ce4fa473f61f601a908b82c54a09d", digest(train(config, FixtureModels.trainingSet())));
  }

  private static CredibilityModel train(TrainingConfig config, TrainingSet set) {
    return new LinearTrainer(config).train(set, ProgressListener.NONE);
  }

  /**
   * SHA-256 of the model file, with the card's time and the versions of Vera and Java fixed: the
   * pin is of what training computed, not of when or on which runtime it ran.
   */
  private static String digest(CredibilityModel model) throws IOException {
    ModelCard c = model.card();
    ModelCard fixed =
        new ModelCard(
            c.modelId(), c.name(), TRAINED_AT, "pinned", "pinned", c.data(), c.parameters(),
            c.validation(), c.test(), c.corpora());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ModelFile.write(model.withCard(fixed), out);
    return Sha256.hex(out.toByteArray());
  }
}
