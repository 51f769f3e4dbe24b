package dev.vera.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The {@code --db} option of the feedback commands, with its documented default. */
public final class FeedbackDbOption {
  @Option(
      names = "--db",
      paramLabel = "FILE",
      description = "Feedback database (default: $VERA_FEEDBACK_DB, else ~/.vera/feedback.db).")
  @Nullable Path db;

  Path path() {
    return resolve(db);
  }

  /** {@code given}, else {@code $VERA_FEEDBACK_DB}, else {@code ~/.vera/feedback.db}. */
  static Path resolve(@Nullable Path given) {
    if (given != null) {
      return given;
    }
    String env = System.getenv("VERA_FEEDBACK_DB");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".vera", "feedback.db");
  }
}
