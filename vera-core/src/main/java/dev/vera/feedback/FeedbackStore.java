package dev.vera.feedback;

import dev.vera.article.Article;
import dev.vera.article.Label;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;

/**
 * The analysts' corrections in one embedded SQLite file (WAL journal, versioned schema). Safe for
 * many threads of one process (writes are serialized on one connection) and for several processes
 * on one file (SQLite's locks, a busy timeout and bounded retries). {@link #add} returns only after
 * the correction is committed and synced ({@code synchronous=FULL}), so an acknowledged correction
 * survives the process being killed right after.
 *
 * <p>The schema version is SQLite's {@code user_version}; a file from a newer Vera is refused
 * rather than guessed at, and a SQLite file of another application (its {@code application_id}) is
 * refused too.
 */
public final class FeedbackStore implements AutoCloseable {
  /** The schema this Vera writes and reads. */
  public static final int SCHEMA_VERSION = 1;

  /** {@code PRAGMA application_id} of Vera feedback files: "VERA" in ASCII. */
  static final int APPLICATION_ID = 0x56455241;

  private static final int BUSY_TIMEOUT_MS = 10_000;
  private static final int MAX_ATTEMPTS = 6;

  private static final String COLUMNS =
      "id, created_at, analyst, label, note, content_hash, model_id, model_label,"
          + " model_probability_fake, article_id, title, text, date, url, source";

  private final Path path;
  private final Connection connection;

  private FeedbackStore(Path path, Connection connection) {
    this.path = path;
    this.connection = connection;
  }

  /** Opens the database at {@code path}, creating it (and its directory) when absent. */
  public static FeedbackStore open(Path path) throws FeedbackException {
    return open(path, UnaryOperator.identity());
  }

  /** {@link #open(Path)}, with the connection wrapped (tests inject failures through it). */
  static FeedbackStore open(Path path, UnaryOperator<Connection> wrap) throws FeedbackException {
    Path abs = path.toAbsolutePath();
    try {
      if (abs.getParent() != null) {
        Files.createDirectories(abs.getParent());
      }
    } catch (IOException e) {
      throw new FeedbackException(
          path + ": cannot create the directory of the feedback database: " + e.getMessage(), e);
    }
    if (Files.isDirectory(abs)) {
      throw new FeedbackException(path + ": is a directory, not a feedback database file");
    }
    identify(path, abs);
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    Connection c;
    try {
      c = config.createConnection("jdbc:sqlite:" + abs);
    } catch (SQLException e) {
      throw new FeedbackException(
          path + ": cannot open the feedback database: " + e.getMessage(), e);
    }
    FeedbackStore store = new FeedbackStore(path, wrap.apply(c));
    try {
      store.prepare();
      return store;
    } catch (FeedbackException e) {
      store.close();
      throw e;
    }
  }

  /** The first bytes of every SQLite database file. */
  private static final byte[] SQLITE_MAGIC =
      "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  /**
   * Refuses an existing file that is not a Vera feedback database before anything writes to it: its
   * header is read as bytes, then its schema through a read-only connection. Opening it for writing
   * would switch another application's file to WAL, a change to a file not ours.
   */
  private static void identify(Path path, Path abs) throws FeedbackException {
    byte[] head;
    try {
      if (!Files.exists(abs) || Files.size(abs) == 0) {
        return; // a new database
      }
      try (InputStream in = Files.newInputStream(abs)) {
        head = in.readNBytes(SQLITE_MAGIC.length);
      }
    } catch (IOException e) {
      throw new FeedbackException(path + ": cannot read the feedback database: " + osReason(e), e);
    }
    if (!Arrays.equals(head, SQLITE_MAGIC)) {
      throw new FeedbackException(path + ": not a SQLite database; give another --db file");
    }
    SQLiteConfig readOnly = new SQLiteConfig();
    readOnly.setReadOnly(true);
    readOnly.setBusyTimeout(BUSY_TIMEOUT_MS);
    try (Connection c = readOnly.createConnection("jdbc:sqlite:" + abs);
        Statement s = c.createStatement()) {
      int version = pragmaInt(s, "user_version");
      int app = pragmaInt(s, "application_id");
      if (!(version == 0 && app == 0 && !hasTables(s))) {
        checkSchema(path, version, app);
      }
    } catch (SQLException e) {
      int code = e.getErrorCode() & 0xff;
      if (code == SQLiteErrorCode.SQLITE_NOTADB.code) {
        throw new FeedbackException(path + ": not a SQLite database; give another --db file", e);
      }
      throw new FeedbackException(
          path + ": cannot read the feedback database: " + e.getMessage(), e);
    } catch (SchemaRefused e) {
      throw new FeedbackException(e.getMessage());
    }
  }

  private static String osReason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e instanceof FileSystemException f && f.getReason() != null
        ? f.getReason()
        : String.valueOf(e.getMessage());
  }

  /** Sets the journal and sync modes, then creates or checks the schema in one transaction. */
  private void prepare() throws FeedbackException {
    try {
      retrying(
          () -> {
            try (Statement s = connection.createStatement()) {
              s.execute("PRAGMA journal_mode=WAL");
              s.execute("PRAGMA synchronous=FULL");
            }
            return null;
          });
      retrying(
          () -> {
            try (Statement s = connection.createStatement()) {
              s.execute("BEGIN IMMEDIATE");
              try {
                int version = pragmaInt(s, "user_version");
                int app = pragmaInt(s, "application_id");
                if (version == 0 && app == 0 && !hasTables(s)) {
                  createSchema(s);
                } else {
                  checkSchema(path, version, app);
                }
                s.execute("COMMIT");
              } catch (SQLException | RuntimeException e) {
                rollbackQuietly(s);
                throw e;
              }
            }
            return null;
          });
    } catch (SQLException e) {
      throw failure("cannot open the feedback database", e);
    } catch (SchemaRefused e) {
      throw new FeedbackException(e.getMessage());
    }
  }

  private static void checkSchema(Path path, int version, int app) {
    if (app != APPLICATION_ID) {
      throw new SchemaRefused(
          path
              + ": not a Vera feedback database (a SQLite file of another application); give another --db file");
    }
    if (version > SCHEMA_VERSION) {
      throw new SchemaRefused(
          path
              + ": feedback database schema version "
              + version
              + " is newer than this Vera reads (up to "
              + SCHEMA_VERSION
              + "); use a newer Vera");
    }
    if (version < 1) {
      throw new SchemaRefused(
          path + ": damaged feedback database (schema version " + version + ")");
    }
  }

  private static void createSchema(Statement s) throws SQLException {
    s.execute(
        "CREATE TABLE corrections ("
            + " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            + " created_at TEXT NOT NULL,"
            + " analyst TEXT NOT NULL,"
            + " label TEXT NOT NULL CHECK (label IN ('fake', 'real')),"
            + " note TEXT NOT NULL,"
            + " content_hash TEXT NOT NULL,"
            + " model_id TEXT NOT NULL,"
            + " model_label TEXT NOT NULL CHECK (model_label IN ('fake', 'real')),"
            + " model_probability_fake REAL NOT NULL,"
            + " article_id TEXT,"
            + " title TEXT NOT NULL,"
            + " text TEXT NOT NULL,"
            + " date TEXT,"
            + " url TEXT,"
            + " source TEXT)");
    s.execute("CREATE INDEX corrections_by_hash ON corrections (content_hash)");
    s.execute("PRAGMA application_id=" + APPLICATION_ID);
    s.execute("PRAGMA user_version=" + SCHEMA_VERSION);
  }

  /**
   * Stores a correction and returns it with its id and time. Returns only after the commit: a
   * single INSERT (returning its id) in autocommit mode is its own transaction, synced to the WAL
   * before it returns.
   */
  public synchronized Correction add(Correction draft) throws FeedbackException {
    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Article a = draft.article();
    try {
      long id =
          retrying(
              () -> {
                try (PreparedStatement p =
                    connection.prepareStatement(
                        "INSERT INTO corrections (created_at, analyst, label, note, content_hash,"
                            + " model_id, model_label, model_probability_fake, article_id, title,"
                            + " text, date, url, source) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                            + " RETURNING id")) {
                  p.setString(1, at.toString());
                  p.setString(2, draft.analyst());
                  p.setString(3, draft.label().wireName());
                  p.setString(4, draft.note());
                  p.setString(5, a.contentHashHex());
                  p.setString(6, draft.modelId());
                  p.setString(7, draft.modelLabel().wireName());
                  p.setDouble(8, draft.modelProbabilityFake());
                  p.setString(9, a.id());
                  p.setString(10, a.title());
                  p.setString(11, a.text());
                  p.setString(12, a.date() == null ? null : a.date().toString());
                  p.setString(13, a.url());
                  p.setString(14, a.source());
                  // One statement: a busy error cannot fall between the row and its id, so a
                  // retry never stores the correction twice (RETURNING: SQLite 3.35 and later).
                  try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                      throw new SQLException("the INSERT returned no id");
                    }
                    return r.getLong(1);
                  }
                }
              });
      return draft.stored(id, at);
    } catch (SQLException e) {
      throw failure("cannot store the correction", e);
    }
  }

  /** Every correction, oldest first. */
  public synchronized List<Correction> list() throws FeedbackException {
    try {
      return retrying(
          () -> {
            List<Correction> out = new ArrayList<>();
            try (Statement s = connection.createStatement();
                ResultSet r =
                    s.executeQuery("SELECT " + COLUMNS + " FROM corrections ORDER BY id")) {
              while (r.next()) {
                out.add(read(r));
              }
            }
            return out;
          });
    } catch (SQLException e) {
      throw failure("cannot read the corrections", e);
    }
  }

  /**
   * The corrections that train: the latest one per article (by content hash), oldest article first.
   * An analyst who changes their mind corrects again; the last word counts.
   */
  public List<Correction> latestPerArticle() throws FeedbackException {
    Map<String, Correction> latest = new LinkedHashMap<>();
    for (Correction c : list()) {
      latest.remove(c.contentHash());
      latest.put(c.contentHash(), c);
    }
    return List.copyOf(latest.values());
  }

  /** How many corrections are stored. */
  public synchronized long count() throws FeedbackException {
    try {
      return retrying(
          () -> {
            try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM corrections")) {
              r.next();
              return r.getLong(1);
            }
          });
    } catch (SQLException e) {
      throw failure("cannot count the corrections", e);
    }
  }

  /** Runs SQLite's own consistency check; "ok" when the file is sound. */
  public synchronized String integrityCheck() throws FeedbackException {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
      r.next();
      return r.getString(1);
    } catch (SQLException e) {
      throw failure("cannot check the feedback database", e);
    }
  }

  public Path path() {
    return path;
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // Closing after a failure: nothing more to save, the WAL keeps every committed write.
    }
  }

  private Correction read(ResultSet r) throws SQLException {
    String date = r.getString("date");
    Article article =
        new Article(
            r.getString("article_id"),
            r.getString("title"),
            r.getString("text"),
            date == null ? null : LocalDate.parse(date),
            r.getString("url"),
            r.getString("source"),
            null,
            Map.of());
    return new Correction(
        r.getLong("id"),
        article,
        r.getString("model_id"),
        label(r.getString("model_label")),
        r.getDouble("model_probability_fake"),
        label(r.getString("label")),
        r.getString("note"),
        r.getString("analyst"),
        Instant.parse(r.getString("created_at")));
  }

  private static Label label(String wire) {
    return Label.parse(wire).orElseThrow(() -> new IllegalStateException("unknown label " + wire));
  }

  private static int pragmaInt(Statement s, String name) throws SQLException {
    try (ResultSet r = s.executeQuery("PRAGMA " + name)) {
      return r.next() ? r.getInt(1) : 0;
    }
  }

  private static boolean hasTables(Statement s) throws SQLException {
    try (ResultSet r = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
      return r.next() && r.getInt(1) > 0;
    }
  }

  private static void rollbackQuietly(Statement s) {
    try {
      s.execute("ROLLBACK");
    } catch (SQLException ignored) {
      // No transaction left to roll back.
    }
  }

  private interface SqlWork<T> {
    T run() throws SQLException;
  }

  /**
   * Runs {@code work}, again after a pause when SQLite stayed busy past the busy timeout (another
   * process holding the write lock for long); any other failure is final.
   */
  private static <T> T retrying(SqlWork<T> work) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.run();
      } catch (SQLException e) {
        if (!busy(e) || attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        try {
          Thread.sleep(50L * attempt);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private static boolean busy(SQLException e) {
    int code = e.getErrorCode() & 0xff;
    return code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code;
  }

  private FeedbackException failure(String what, SQLException e) {
    int code = e.getErrorCode() & 0xff;
    if (code == SQLiteErrorCode.SQLITE_NOTADB.code) {
      return new FeedbackException(path + ": not a SQLite database; give another --db file", e);
    }
    return new FeedbackException(path + ": " + what + ": " + e.getMessage(), e);
  }

  /** A file this Vera must not read or write. */
  private static final class SchemaRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SchemaRefused(String message) {
      super(message, null, false, false);
    }
  }
}
