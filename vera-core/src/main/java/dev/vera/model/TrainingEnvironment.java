package dev.vera.model;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What a training run takes from the process it runs in, as opposed to the settings that decide the
 * model ({@link TrainingConfig}): the clock the model card is dated by, the directory where costly
 * intermediate results are kept between runs, and the threads that do the work. The library reads
 * no environment variable: the application chooses these. None of them changes a weight: the same
 * data and configuration give the same model at any clock, with or without a cache, on any number
 * of threads.
 *
 * @param clock dates the model card (to the second)
 * @param cacheDirectory where sentence embeddings are kept between runs (in {@code embeddings/}),
 *     or null to keep nothing
 * @param pool the threads training's parallel steps run on
 */
public record TrainingEnvironment(Clock clock, @Nullable Path cacheDirectory, ForkJoinPool pool) {

  public TrainingEnvironment {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(pool, "pool");
  }

  /** The system clock, no cache, the common pool. */
  public static TrainingEnvironment defaults() {
    return new TrainingEnvironment(Clock.systemUTC(), null, ForkJoinPool.commonPool());
  }

  public TrainingEnvironment withClock(Clock c) {
    return new TrainingEnvironment(c, cacheDirectory, pool);
  }

  public TrainingEnvironment withCacheDirectory(@Nullable Path dir) {
    return new TrainingEnvironment(clock, dir, pool);
  }

  public TrainingEnvironment withPool(ForkJoinPool p) {
    return new TrainingEnvironment(clock, cacheDirectory, p);
  }

  /** The time to date a model by: the clock's, to the second. */
  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  /** Where embeddings of one encoder setting are cached, or null for nowhere. */
  @Nullable Path embeddingCache() {
    return cacheDirectory == null ? null : cacheDirectory.resolve("embeddings");
  }

  /**
   * Runs {@code work} on the pool: parallel streams started inside a pool's task run on that pool's
   * threads. Exceptions reach the caller as thrown, not wrapped.
   */
  <T> T run(Supplier<T> work) {
    boolean alreadyThere = ForkJoinTask.inForkJoinPool() && ForkJoinTask.getPool() == pool;
    if (alreadyThere || pool == ForkJoinPool.commonPool()) {
      return work.get();
    }
    try {
      return CompletableFuture.supplyAsync(work, pool).join();
    } catch (CompletionException e) {
      // The pool's own join would rethrow a copy of the exception; the original is the cause.
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
