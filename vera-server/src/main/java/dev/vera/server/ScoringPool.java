package dev.vera.server;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where scoring runs: a fixed number of threads (about one per core: scoring is CPU-bound) and a
 * bounded queue. When both are full a request is answered at once with 503 and {@code Retry-After}
 * instead of waiting behind the others, and the threads that answer {@code /health} and cheap
 * requests are never the ones scoring.
 */
final class ScoringPool implements AutoCloseable {
  private final ThreadPoolExecutor executor;
  private final int threads;
  private final int queue;

  ScoringPool(int threads, int queue) {
    this.threads = threads;
    this.queue = queue;
    BlockingQueue<Runnable> waiting =
        queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue);
    AtomicInteger n = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.SECONDS,
            waiting,
            r -> {
              Thread t = new Thread(r, "vera-scoring-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
  }

  /**
   * Runs {@code work} on a scoring thread and waits for it.
   *
   * @throws ApiProblem 503 with {@code Retry-After} when every thread is busy and the queue full
   */
  <T> T call(Callable<T> work) throws Exception {
    Future<T> f;
    try {
      f = executor.submit(work);
    } catch (RejectedExecutionException e) {
      throw ApiProblem.busy(
          "server-busy",
          "Server busy",
          "all "
              + threads
              + " scoring threads are busy and "
              + queue
              + " requests wait (scoring_threads, scoring_queue); try again shortly",
          1);
    }
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception x) {
        throw x;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw e;
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw e;
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
