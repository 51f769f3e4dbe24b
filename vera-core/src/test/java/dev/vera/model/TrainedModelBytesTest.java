package dev.vera.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.experiment.Splits;
import dev.vera.io.Sha256;
import dev.vera.model.io.ModelFile;
import dev.vera.testing.FixtureCorpus;
import dev.vera.testing.FixtureModels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import org.junit.jupiter.api.Test;

/**
 * Pins the bytes of models trained on the fixture corpus: a change to how training is composed must
 * not change a single weight, choice or card figure. The expected digests were recorded before the
 * trainer was split into pieces; only a deliberate change to what training computes may update them
 * (and must say so in its commit).
 */
class TrainedModelBytesTest {
  /** 2026-12-05T00:00:00Z, the clock every pinned model is trained at. */
  static final Instant TRAINED_AT = Instant.ofEpochSecond(1796428800L);

  static final String FIXTURE = "48f37b6b710c2aeb9c82cae3d7323264308f78fcba1df971d5d0dcc75093c845";

  /** Of the model with sentence embeddings, pinned in vera-embeddings, which has the encoder. */
  static final String EMBEDDINGS =
      "63d0487942647837a5cc310fda4afa01e57c570d56500c7aee0d3fa02a42e3cf";

  static final TrainingEnvironment PINNED =
      TrainingEnvironment.defaults().withClock(Clock.fixed(TRAINED_AT, ZoneOffset.UTC));

  @Test
  void theFixtureModelKeepsItsBytes() throws IOException {
    CredibilityModel model =
        train(FixtureModels.smallConfig(), FixtureModels.trainingSet(), PINNED);
    assertEquals(
        TRAINED_AT, model.card().createdAt(), "the card is dated by the environment's clock");
    assertEquals(FIXTURE, digest(model));
  }

  /** Without neighbours nothing is stacked and the calibration is fitted on validation alone. */
  @Test
  void aLinearModelKeepsItsBytes() throws IOException {
    assertEquals(
        "2153da1b51bf4f1bda8973ff864397e4a03f6902af785f7cc8874a2c14cc02c4",
        digest(
            train(
                FixtureModels.smallConfig().withNeighbours(null),
                FixtureModels.trainingSet(),
                PINNED)));
  }

  /** Two corpora bring in per-corpus weights, domain calibration and per-corpus card entries. */
  @Test
  void aTwoCorpusModelKeepsItsBytes() throws IOException {
    TrainingSet set =
        Splits.byField(MultiCorpusTrainingTest.twoCorpora(), FixtureCorpus.SPLIT_FIELD, List.of());
    assertEquals(
        "ebead8f85f41f84764d0f733062a307e3f39da2698232f1553b5cd41d0a7761d",
        digest(train(FixtureModels.smallConfig(), set, PINNED)));
  }

  /**
   * Training runs on the environment's pool, and every parallel step splits its work in fixed
   * blocks: one thread gives the same bytes as all cores.
   */
  @Test
  void oneThreadGivesTheSameBytes() throws IOException {
    ForkJoinPool one = new ForkJoinPool(1);
    Set<Thread> workers = ConcurrentHashMap.newKeySet();
    try {
      CredibilityModel model =
          new LinearTrainer(FixtureModels.smallConfig(), PINNED.withPool(one))
              .train(
                  FixtureModels.trainingSet(),
                  (phase, done, total) -> workers.add(Thread.currentThread()));
      assertEquals(FIXTURE, digest(model));
    } finally {
      one.shutdown();
    }
    assertEquals(1, workers.size(), workers.toString());
    Thread worker = workers.iterator().next();
    assertTrue(worker instanceof ForkJoinWorkerThread w && w.getPool() == one, worker.toString());
  }

  static CredibilityModel train(TrainingConfig config, TrainingSet set, TrainingEnvironment env) {
    return new LinearTrainer(config, env).train(set, ProgressListener.NONE);
  }

  /**
   * SHA-256 of the model file, with the versions of Vera and Java fixed: the pin is of what
   * training computed, not of which runtime it ran on.
   */
  static String digest(CredibilityModel model) throws IOException {
    ModelCard c = model.card();
    ModelCard fixed =
        new ModelCard(
            c.modelId(),
            c.name(),
            c.createdAt(),
            "pinned",
            "pinned",
            c.data(),
            c.parameters(),
            c.validation(),
            c.test(),
            c.corpora());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ModelFile.write(model.withCard(fixed), out);
    return Sha256.hex(out.toByteArray());
  }
}
