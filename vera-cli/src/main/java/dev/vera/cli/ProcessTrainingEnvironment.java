package dev.vera.cli;

import dev.vera.model.TrainingEnvironment;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The training environment the CLI's process gives: the only place that reads the variables
 * training depends on. {@code SOURCE_DATE_EPOCH} (seconds), when set, dates every model card (the
 * reproducible-builds convention, so that rebuilding the bundled model gives the same bytes);
 * {@code VERA_CACHE}, else {@code ~/.cache/vera}, keeps sentence embeddings between runs.
 */
final class ProcessTrainingEnvironment {
  private ProcessTrainingEnvironment() {}

  /** The environment of this process. */
  static TrainingEnvironment current() {
    return of(System.getenv(), System.getProperty("user.home"));
  }

  /** The environment these variables and this home directory (maybe unknown) give. */
  static TrainingEnvironment of(Map<String, String> variables, @Nullable String home) {
    return TrainingEnvironment.defaults()
        .withClock(clock(variables.get("SOURCE_DATE_EPOCH")))
        .withCacheDirectory(cacheDirectory(variables.get("VERA_CACHE"), home));
  }

  /** A clock stopped at {@code epoch} seconds when it is a number of seconds, else the system's. */
  private static Clock clock(@Nullable String epoch) {
    if (epoch != null && epoch.strip().matches("\\d{1,12}")) {
      return Clock.fixed(Instant.ofEpochSecond(Long.parseLong(epoch.strip())), ZoneOffset.UTC);
    }
    return Clock.systemUTC();
  }

  private static @Nullable Path cacheDirectory(@Nullable String veraCache, @Nullable String home) {
    if (veraCache != null && !veraCache.isBlank()) {
      return Path.of(veraCache);
    }
    return home == null ? null : Path.of(home, ".cache", "vera");
  }
}
