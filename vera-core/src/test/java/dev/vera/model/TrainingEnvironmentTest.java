package dev.vera.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class TrainingEnvironmentTest {
  @Test
  void theDefaultsKeepNothingOnDisk() {
    TrainingEnvironment d = TrainingEnvironment.defaults();
    assertNull(d.cacheDirectory());
    assertNull(d.embeddingCache());
    assertSame(ForkJoinPool.commonPool(), d.pool());
  }

  @Test
  void modelsAreDatedToTheSecond() {
    Instant t = Instant.parse("2026-12-05T10:11:12.987654Z");
    TrainingEnvironment env =
        TrainingEnvironment.defaults().withClock(Clock.fixed(t, ZoneOffset.UTC));
    assertEquals(Instant.parse("2026-12-05T10:11:12Z"), env.now());
  }

  @Test
  void embeddingsAreCachedUnderTheCacheDirectory() {
    Path dir = Path.of("/tmp/vera-cache");
    assertEquals(
        dir.resolve("embeddings"),
        TrainingEnvironment.defaults().withCacheDirectory(dir).embeddingCache());
  }

  /** A failure on the pool reaches the caller as the trainer threw it: same type, same message. */
  @Test
  void aFailureOnAnotherPoolIsNotWrapped() {
    ForkJoinPool pool = new ForkJoinPool(1);
    try {
      TrainingEnvironment env = TrainingEnvironment.defaults().withPool(pool);
      IllegalArgumentException direct = new IllegalArgumentException("the valid part is empty");
      IllegalArgumentException thrown =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  env.run(
                      () -> {
                        throw direct;
                      }));
      assertSame(direct, thrown);
      assertEquals(42, env.run(() -> 42));
    } finally {
      pool.shutdown();
    }
  }
}
