package dev.vera.feedback;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Files that are not Vera's are identified read-only and left exactly as they were; a correction is
 * stored once even when SQLite is busy right after the row went in.
 */
class ForeignFilesTest {
  @TempDir Path dir;

  private Path otherApplicationsDatabase() throws Exception {
    Path db = dir.resolve("app.sqlite");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=DELETE");
      s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)");
      s.execute("INSERT INTO users (name) VALUES ('someone')");
    }
    return db;
  }

  @Test
  void anotherApplicationsSqliteFileIsRefusedAndNotChanged() throws Exception {
    Path db = otherApplicationsDatabase();
    byte[] before = Files.readAllBytes(db);
    FeedbackException e = assertThrows(FeedbackException.class, () -> FeedbackStore.open(db));
    assertTrue(e.getMessage().startsWith(db + ": not a Vera feedback database"), e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(db), "the file must not change (not even to WAL)");
    assertFalse(Files.exists(Path.of(db + "-wal")), "no WAL file beside it");
    assertEquals(1, before[18], "still a rollback-journal database (header byte 18)");
  }

  @Test
  void aTextFileAndADirectoryAreRefusedWithTheReason() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.txt"), "not a database at all\n");
    FeedbackException e = assertThrows(FeedbackException.class, () -> FeedbackStore.open(text));
    assertEquals(text + ": not a SQLite database; give another --db file", e.getMessage());
    assertEquals("not a database at all\n", Files.readString(text));
    Path sub = Files.createDirectory(dir.resolve("sub"));
    assertTrue(
        assertThrows(FeedbackException.class, () -> FeedbackStore.open(sub))
            .getMessage()
            .contains("is a directory"));
  }

  /**
   * SQLite busy right after the INSERT ran: with the id read by a second statement in the same
   * retry loop, the retry inserted the correction again. One statement (INSERT … RETURNING) has
   * nothing after the row to fail.
   */
  @Test
  void aBusyErrorAfterTheInsertDoesNotStoreItTwice() throws Exception {
    Path db = dir.resolve("feedback.db");
    AtomicBoolean failed = new AtomicBoolean();
    try (FeedbackStore store = FeedbackStore.open(db, c -> busyOnceAfterAnInsert(c, failed))) {
      Correction stored = store.add(Corrections.draft("ana", 1));
      assertEquals(1, store.count());
      assertEquals(stored.id(), store.list().get(0).id());
    }
  }

  /** A connection whose statements answer SQLITE_BUSY once for a query that is not an INSERT. */
  private static Connection busyOnceAfterAnInsert(Connection c, AtomicBoolean failed) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              Object result = invoke(method, c, args);
              if (method.getName().equals("createStatement") && result instanceof Statement s) {
                return Proxy.newProxyInstance(
                    Statement.class.getClassLoader(),
                    new Class<?>[] {Statement.class},
                    (p2, m2, a2) -> {
                      if (m2.getName().equals("executeQuery")
                          && String.valueOf(a2[0]).contains("last_insert_rowid")
                          && failed.compareAndSet(false, true)) {
                        throw new SQLiteException(
                            "database is locked", SQLiteErrorCode.SQLITE_BUSY);
                      }
                      return invoke(m2, s, a2);
                    });
              }
              return result;
            });
  }

  private static Object invoke(Method m, Object target, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Test
  void aVeraDatabaseStillOpensAfterTheReadOnlyLook() throws Exception {
    Path db = dir.resolve("feedback.db");
    try (FeedbackStore store = FeedbackStore.open(db)) {
      store.add(Corrections.draft("ana", 1));
    }
    try (FeedbackStore again = FeedbackStore.open(db)) {
      assertEquals(1, again.count());
    }
  }
}
