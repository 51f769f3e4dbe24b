package dev.vera.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.io.PendingRecord;
import dev.vera.io.ReadOutcome;
import dev.vera.io.ReaderOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Read → score → hand back in order, with a scorer that is no model: ids in, ids out. */
class ScanPipelineTest {
  @TempDir Path dir;

  /**
   * {@code n} records {@code r-0 … r-(n-1)}; every tenth, {@code r-i}, carries an unknown field
   * {@code xi} (a warning of its own).
   */
  private Path input(int n) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append("{\"id\":\"r-").append(i).append("\",\"title\":\"t\",\"text\":\"body ").append(i);
      sb.append(i % 10 == 0 ? "\",\"x" + i + "\":1}\n" : "\"}\n");
    }
    return Files.writeString(dir.resolve("in.jsonl"), sb);
  }

  private static String id(PendingRecord r) {
    return ((ReadOutcome.Parsed) r.parse()).article().id();
  }

  private static List<String> ids(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> "r-" + i).toList();
  }

  @Test
  void resultsComeInInputOrderWhoeverFinishesFirst() throws Exception {
    Path in = input(500);
    ScanPipeline<String> p =
        new ScanPipeline<>(
            List.of(in),
            ReaderOptions.defaults(),
            4,
            r -> {
              // Scorers finish out of order.
              LockSupport.parkNanos(ThreadLocalRandom.current().nextInt(200_000));
              return id(r);
            },
            ScanPipeline.ReadListener.NONE);
    List<String> got = new ArrayList<>();
    p.run(0, got::add);
    assertEquals(ids(0, 500), got);
  }

  @Test
  void skippedRecordsAreNotScoredButWarnInOrder() throws Exception {
    Path in = input(100);
    List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    List<String> scored = Collections.synchronizedList(new ArrayList<>());
    List<Long> heard = Collections.synchronizedList(new ArrayList<>());
    ScanPipeline<String> p =
        new ScanPipeline<>(
            List.of(in),
            ReaderOptions.defaults().withWarnings(warnings::add),
            2,
            r -> {
              String id = id(r);
              scored.add(id);
              return id;
            },
            (records, where) -> heard.add(records));
    List<String> got = new ArrayList<>();
    p.run(35, got::add);
    assertEquals(ids(35, 100), got);
    assertEquals(65, scored.size(), "the skipped records are not scored");
    // Skipped records warn too, as in an unresumed scan, and every warning comes in input order.
    assertEquals(10, warnings.size(), warnings.toString());
    for (int k = 0; k < 10; k++) {
      assertTrue(warnings.get(k).contains("'x" + 10 * k + "'"), warnings.toString());
    }
    assertEquals(
        LongStream.rangeClosed(1, 100).boxed().toList(),
        heard,
        "the reader reports every record, skipped ones too");
  }

  /** The reader runs ahead of a slow caller by the window at most: memory stays bounded. */
  @Test
  void theReaderRunsAheadByTheWindowAtMost() throws Exception {
    int threads = 2;
    int window = ScanPipeline.window(threads);
    Path in = input(3 * window);
    AtomicLong read = new AtomicLong();
    long[] most = {0};
    long[] taken = {0};
    ScanPipeline<String> p =
        new ScanPipeline<>(
            List.of(in),
            ReaderOptions.defaults(),
            threads,
            ScanPipelineTest::id,
            (n, w) -> read.set(n));
    p.run(
        0,
        id -> {
          taken[0]++;
          if (taken[0] % 1000 == 0) {
            try {
              Thread.sleep(50); // a slow disk: the reader fills the window meanwhile
            } catch (InterruptedException e) {
              throw new IllegalStateException(e);
            }
          }
          most[0] = Math.max(most[0], read.get() - taken[0]);
        });
    assertEquals(3L * window, taken[0]);
    assertTrue(most[0] <= window + 1, "read ahead by " + most[0] + ", window " + window);
    assertTrue(most[0] >= window / 4, "the reader did run ahead: " + most[0]);
  }

  @Test
  void aScorersIoFailureStopsTheRunAsItself() throws Exception {
    Path in = input(50);
    IOException failure = new IOException("disk gone");
    ScanPipeline<String> p =
        new ScanPipeline<>(
            List.of(in),
            ReaderOptions.defaults(),
            2,
            r -> {
              String id = id(r);
              if (id.equals("r-30")) {
                throw new UncheckedIOException(failure);
              }
              return id;
            },
            ScanPipeline.ReadListener.NONE);
    List<String> got = new ArrayList<>();
    IOException e = assertThrows(IOException.class, () -> p.run(0, got::add));
    assertEquals(failure, e);
    // Records go to scorers 16 at a time, so the failing record's batch-mates fail with it.
    assertEquals(ids(0, got.size()), got, "what came before the failure was handed on, in order");
    assertTrue(got.size() <= 30, got.toString());
  }

  @Test
  void anyOtherScorerFailureIsAnInternalError() throws Exception {
    Path in = input(20);
    ScanPipeline<String> p =
        new ScanPipeline<>(
            List.of(in),
            ReaderOptions.defaults(),
            1,
            r -> {
              throw new NullPointerException("a bug");
            },
            ScanPipeline.ReadListener.NONE);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.run(0, id -> {}));
    assertTrue(e.getMessage().startsWith("stopped by an internal error"), e.getMessage());
    assertTrue(e.getCause() instanceof NullPointerException);
  }

  @Test
  void theSinksFailureStopsTheRun() throws Exception {
    Path in = input(5000);
    ScanPipeline<String> p =
        new ScanPipeline<>(
            List.of(in),
            ReaderOptions.defaults(),
            2,
            ScanPipelineTest::id,
            ScanPipeline.ReadListener.NONE);
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                p.run(
                    0,
                    id -> {
                      if (id.equals("r-10")) {
                        throw new IOException("no space left");
                      }
                    }));
    assertEquals("no space left", e.getMessage());
  }
}
