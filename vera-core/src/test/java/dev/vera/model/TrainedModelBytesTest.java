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
 * trainer was split into pieces, and again when the file format became vera-credibility v7 (the
 * golden files show the models unchanged); only a deliberate change to what training computes or to
 * the file format may update them (and must say so in its commit).
 */
class TrainedModelBytesTest {
  /** 2026-12-05T00:00:00Z, the clock every pinned model is trained at. */
  static final Instant TRAINED_AT = Instant.ofEpochSecond(1796428800L);

  static final String FIXTURE = "6bcdd867fd3a4aae64445cb8836913f36a0cb739e0e623314f31c33a0b5e6a1e";

  /** Of the model with sentence embeddings, pinned in vera-embeddings, which has the encoder. */
  static final String EMBEDDINGS =
      "e13c373f49716ce9bb7bc50ced4b15099a2560d0b28cfca464307c6690557a77";

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
        "41889c91393547a4a11642d8af442e678f37c5fa5de6157cd965a7cc31de2c6a",
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
        "b592a560177ab5e2444db473da2460fa21225c1c856832b9c786fe6e45c7d504",
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
