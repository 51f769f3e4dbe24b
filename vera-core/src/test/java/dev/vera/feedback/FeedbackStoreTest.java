package dev.vera.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.article.Label;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedbackStoreTest {
  @TempDir Path dir;

  @Test
  void storesAndReadsBackEveryField() throws Exception {
    Path db = dir.resolve("sub/feedback.db");
    Correction draft = Corrections.draft("ana", 3);
    Correction stored;
    try (FeedbackStore store = FeedbackStore.open(db)) {
      stored = store.add(draft);
    }
    try (FeedbackStore store = FeedbackStore.open(db)) {
      List<Correction> all = store.list();
      assertEquals(1, all.size());
      Correction back = all.get(0);
      assertEquals(stored, back);
      assertEquals(1, back.id());
      assertEquals(draft.article(), back.article());
      assertEquals(draft.article().contentHashHex(), back.contentHash());
      assertEquals("model-x", back.modelId());
      assertEquals(Label.REAL, back.modelLabel());
      assertEquals(0.25, back.modelProbabilityFake());
      assertEquals(Label.FAKE, back.label());
      assertEquals("note 3", back.note());
      assertEquals("ana", back.analyst());
      assertTrue(back.createdAt().isAfter(Instant.now().minusSeconds(60)));
      assertEquals("ok", store.integrityCheck());
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      var r = s.executeQuery("PRAGMA journal_mode");
      r.next();
      assertEquals("wal", r.getString(1));
    }
  }

  @Test
  void theLatestCorrectionOfAnArticleIsTheOneThatTrains() throws Exception {
    try (FeedbackStore store = FeedbackStore.open(dir.resolve("f.db"))) {
      Correction first = store.add(Corrections.draft("ana", 1));
      store.add(Corrections.draft("ana", 2));
      Correction again =
          store.add(
              Correction.draft(
                  first.article(),
                  "model-x",
                  Label.REAL,
                  0.25,
                  Label.REAL,
                  "changed my mind",
                  "bo"));
      List<Correction> latest = store.latestPerArticle();
      assertEquals(2, latest.size());
      assertEquals(again.id(), latest.get(1).id());
      assertEquals(Label.REAL, latest.get(1).label());
      assertEquals(3, store.count());
    }
  }

  @Test
  void refusesANewerSchemaVersion() throws Exception {
    Path db = dir.resolve("f.db");
    FeedbackStore.open(db).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA user_version=2");
    }
    FeedbackException e = assertThrows(FeedbackException.class, () -> FeedbackStore.open(db));
    assertTrue(
        e.getMessage().contains("schema version 2 is newer than this Vera reads (up to 1)"),
        e.getMessage());
    assertTrue(e.getMessage().startsWith(db.toString()), e.getMessage());
  }

  @Test
  void refusesAnotherApplicationsDatabaseAndAFileThatIsNoDatabase() throws Exception {
    Path other = dir.resolve("other.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (x)");
    }
    FeedbackException e = assertThrows(FeedbackException.class, () -> FeedbackStore.open(other));
    assertTrue(e.getMessage().contains("not a Vera feedback database"), e.getMessage());

    Path text = dir.resolve("notes.txt");
    Files.writeString(
        text, "these are my notes, not a database at all\n".repeat(200), StandardCharsets.UTF_8);
    FeedbackException e2 = assertThrows(FeedbackException.class, () -> FeedbackStore.open(text));
    assertTrue(e2.getMessage().contains("not a SQLite database"), e2.getMessage());
  }

  @Test
  void refusesADraftWithoutAnalyst() {
    assertThrows(IllegalArgumentException.class, () -> Corrections.draft(" ", 1));
  }

  /**
   * Many threads on two store instances (two connections, as two server processes would have) write
   * at once: every write that returned is in the file afterwards, with its own id.
   */
  @Test
  void concurrentWritersLoseNoAcknowledgedCorrection() throws Exception {
    Path db = dir.resolve("busy.db");
    int threads = 16;
    int perThread = 40;
    ConcurrentLinkedQueue<Long> acked = new ConcurrentLinkedQueue<>();
    try (FeedbackStore a = FeedbackStore.open(db);
        FeedbackStore b = FeedbackStore.open(db)) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        FeedbackStore store = t % 2 == 0 ? a : b;
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    acked.add(store.add(Corrections.draft("t" + thread, thread * 1000 + i)).id());
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(120, TimeUnit.SECONDS);
      }
      pool.shutdown();
    }
    assertEquals(threads * perThread, acked.size());
    assertEquals(threads * perThread, new HashSet<>(acked).size(), "ids are unique");
    try (FeedbackStore store = FeedbackStore.open(db)) {
      Set<Long> present = new HashSet<>();
      store.list().forEach(c -> present.add(c.id()));
      assertTrue(present.containsAll(acked));
      assertEquals(threads * perThread, present.size());
      assertEquals("ok", store.integrityCheck());
    }
  }
}
