package dev.vera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vera.model.TrainingEnvironment;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessTrainingEnvironmentTest {
  @Test
  void sourceDateEpochStopsTheClock() {
    TrainingEnvironment env =
        ProcessTrainingEnvironment.of(Map.of("SOURCE_DATE_EPOCH", " 1796428800 "), null);
    assertEquals(Instant.parse("2026-12-05T00:00:00Z"), env.now());
  }

  /** Not a number of seconds: ignored, as the reproducible-builds convention allows. */
  @Test
  void anUnreadableEpochLeavesTheSystemClock() {
    assertEquals(
        Clock.systemUTC(),
        ProcessTrainingEnvironment.of(Map.of("SOURCE_DATE_EPOCH", "yesterday"), null).clock());
    assertEquals(Clock.systemUTC(), ProcessTrainingEnvironment.of(Map.of(), null).clock());
  }

  @Test
  void veraCacheNamesTheCacheElseTheHomeDirectoryDoes() {
    assertEquals(
        Path.of("/srv/cache"),
        ProcessTrainingEnvironment.of(Map.of("VERA_CACHE", "/srv/cache"), "/home/a")
            .cacheDirectory());
    assertEquals(
        Path.of("/home/a", ".cache", "vera"),
        ProcessTrainingEnvironment.of(Map.of("VERA_CACHE", " "), "/home/a").cacheDirectory());
    assertNull(ProcessTrainingEnvironment.of(Map.of(), null).cacheDirectory());
  }
}
