package dev.vera.scan;

import dev.vera.io.ArticleInputs;
import dev.vera.io.ArticleReader;
import dev.vera.io.PendingRecord;
import dev.vera.io.ReaderOptions;
import dev.vera.io.RecordLocation;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Read → score → hand back in input order, with bounded memory.
 *
 * <p>Three kinds of thread: one reader walks the inputs in order, splitting them into records
 * (decoded lines; see {@link PendingRecord}) without parsing them, and hands them, a few
 * consecutive records at a time, to a pool of scorers, which parse and score them; the pending
 * results wait in a bounded queue in input order. The caller's thread takes them from that queue in
 * order, publishes each record's reading warnings (so that they come out as when reading in one
 * thread) and passes the result on, so the order never depends on which scorer finishes first.
 * Reading runs ahead of the caller by at most {@link #window} records and about {@value
 * #IN_FLIGHT_CHARS} characters of article text.
 *
 * @param <R> a scored record
 */
final class ScanPipeline<R> {
  /**
   * Characters of article text in flight between the reader and the caller (about 64 MB): with the
   * window's record bound, memory stays flat however large the articles or the input.
   */
  static final int IN_FLIGHT_CHARS = 32 << 20;

  /** Places in the reader's window given back at a time (the window holds at least 4096). */
  private static final int PLACES_BATCH = 64;

  /**
   * Records handed to a scorer as one task. One task per record cost a future, a queue hand-off and
   * often a thread wake-up per article: on two cores, a few percent of the scan.
   */
  static final int TASK_RECORDS = 16;

  /** Parses and scores one record, on a scorer thread; called once per record not skipped. */
  @FunctionalInterface
  interface Scorer<R> {
    R score(PendingRecord record) throws IOException;
  }

  /** Takes the results on the caller's thread, in input order. */
  @FunctionalInterface
  interface Sink<R> {
    void accept(R result) throws IOException;
  }

  /** Hears which record the reader has reached (counting from 1, skipped ones included). */
  @FunctionalInterface
  interface ReadListener {
    ReadListener NONE = (records, where) -> {};

    void read(long records, RecordLocation where);
  }

  private final List<Path> inputs;
  private final ReaderOptions reading;
  private final int threads;
  private final Scorer<R> scorer;
  private final ReadListener readListener;
  private final Semaphore inFlight = new Semaphore(IN_FLIGHT_CHARS);

  /** The end of the input in the queue of pending results. */
  private final Future<Task> end = CompletableFuture.completedFuture(null);

  /**
   * @param inputs files and directories, read one after another in this order
   * @param threads scoring threads (the reader has a thread of its own besides)
   * @param readListener called on the reader thread for every record read
   */
  ScanPipeline(
      List<Path> inputs,
      ReaderOptions reading,
      int threads,
      Scorer<R> scorer,
      ReadListener readListener) {
    this.inputs = List.copyOf(inputs);
    this.reading = reading;
    this.threads = threads;
    this.scorer = scorer;
    this.readListener = readListener;
  }

  /** Records the reader may hold that the caller has not taken yet, for {@code threads} scorers. */
  static int window(int threads) {
    return Math.max(4096, threads * 256);
  }

  /**
   * Runs to the end of the inputs, passing every result to {@code sink} in input order.
   *
   * @param skip records at the start that are not scored (already written by an earlier run): they
   *     are only parsed, for their warnings
   * @throws IOException when reading fails, when a scorer throws one, or when {@code sink} does
   * @throws IllegalStateException when a scorer fails otherwise (a bug, not bad data)
   */
  void run(long skip, Sink<R> sink) throws IOException, InterruptedException {
    int window = window(threads);
    // One more place than records in flight, for the end (or the reader's failure).
    BlockingQueue<Future<Task>> pending = new ArrayBlockingQueue<>(window + 1);
    // Places for records in the window, given back in batches: a full window then wakes the
    // reader once per batch rather than once per record, which on few cores costs real time.
    Semaphore places = new Semaphore(window);
    AtomicInteger scorerId = new AtomicInteger();
    ExecutorService scorers =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "vera-scan-scorer-" + scorerId.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    Thread reader = new Thread(() -> read(skip, pending, places, scorers), "vera-scan-reader");
    reader.setDaemon(true);
    reader.start();
    int taken = 0;
    try {
      for (Future<Task> f = pending.take(); f != end; f = pending.take()) {
        Task task = result(f);
        for (int i = 0; i < task.size; i++) {
          if (++taken == PLACES_BATCH) {
            places.release(taken);
            taken = 0;
          }
          inFlight.release(task.chars[i]);
          task.records[i].publishWarnings();
          sink.accept(task.results.get(i));
        }
      }
    } finally {
      reader.interrupt();
      scorers.shutdownNow();
    }
  }

  private Task result(Future<Task> f) throws IOException, InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof UncheckedIOException uio) {
        throw uio.getCause();
      }
      if (cause instanceof RuntimeException re) {
        throw new IllegalStateException(
            "stopped by an internal error ("
                + re
                + "); the output up to the last checkpoint is kept, --resume goes on from there",
            re);
      }
      throw new IOException(cause);
    }
  }

  /** The reader thread: every record in order, skipping the first {@code skip}. */
  private void read(
      long skip, BlockingQueue<Future<Task>> pending, Semaphore places, ExecutorService scorers) {
    try {
      try (ArticleReader reader = ArticleInputs.openAll(inputs, reading)) {
        long seq = 0;
        Task task = new Task();
        for (PendingRecord r = reader.nextPending(); r != null; r = reader.nextPending()) {
          seq++;
          readListener.read(seq, r.where());
          if (seq <= skip) {
            r.parse(); // durable already; parsed only for its warnings, as an unresumed scan gives
            r.publishWarnings();
            continue;
          }
          // The record's text until parsed, then at most as much article text: memory stays flat.
          int chars = Math.min(IN_FLIGHT_CHARS, r.chars());
          // Records waiting in an unsubmitted task hold places and characters that only the
          // caller gives back: hand them over before waiting, or the reader could wait forever.
          if (!places.tryAcquire()) {
            task = task.submit(pending, scorers);
            places.acquire();
          }
          if (!inFlight.tryAcquire(chars)) {
            task = task.submit(pending, scorers);
            inFlight.acquire(chars);
          }
          task.add(r, chars);
          if (task.size == TASK_RECORDS) {
            task = task.submit(pending, scorers);
          }
        }
        task.submit(pending, scorers);
      }
      pending.put(end);
    } catch (InterruptedException | InterruptedIOException e) {
      // The caller stopped (it failed); nobody waits for more.
    } catch (IOException | RuntimeException e) {
      try {
        pending.put(CompletableFuture.failedFuture(e));
      } catch (InterruptedException stopped) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Consecutive records scored by one scorer, in order, and then their results. */
  private final class Task {
    private final PendingRecord[] records = new PendingRecord[TASK_RECORDS];
    private final int[] chars = new int[TASK_RECORDS];
    private final List<R> results = new ArrayList<>(TASK_RECORDS);
    private int size;

    void add(PendingRecord record, int recordChars) {
      records[size] = record;
      chars[size++] = recordChars;
    }

    /** Queues this task's scoring (when it holds any record) and gives the next, empty task. */
    Task submit(BlockingQueue<Future<Task>> pending, ExecutorService scorers)
        throws InterruptedException {
      if (size == 0) {
        return this;
      }
      pending.put(
          scorers.submit(
              () -> {
                for (int i = 0; i < size; i++) {
                  results.add(scorer.score(records[i]));
                }
                return this;
              }));
      return new Task();
    }
  }
}
