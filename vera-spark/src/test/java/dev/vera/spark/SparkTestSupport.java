package dev.vera.spark;

import dev.vera.article.Article;
import dev.vera.io.ArticleInputs;
import dev.vera.io.ReadOutcome;
import dev.vera.io.ReaderOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** Shared helpers: the loopback-pinned local[2] session, the repository root, the core reader. */
final class SparkTestSupport {

  static final String MODEL_FILE = "models/vera-fast.vera";

  private SparkTestSupport() {}

  /** One local[2] session, driver pinned to the loopback address, no UI. */
  static SparkSession localSession() {
    return SparkSession.builder()
        .appName("vera-spark-test")
        .master("local[2]")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate();
  }

  /** The repository root: the nearest directory up from here that holds the bundled model. */
  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve(MODEL_FILE)) && Files.isRegularFile(d.resolve("pom.xml"))) {
        return d;
      }
    }
    throw new IllegalStateException("no " + MODEL_FILE + " above " + dir);
  }

  static Path bundledModel() {
    return repositoryRoot().resolve(MODEL_FILE);
  }

  /** {@code $VERA_DATA}, else {@code ../shared/data} next to the repository. */
  static Path dataDir() {
    String env = System.getenv("VERA_DATA");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return repositoryRoot().resolve("../shared/data").normalize();
  }

  /** The articles Vera's own reader (the one {@code vera scan} uses) makes of a file, by id. */
  static Map<String, Article> coreArticles(Path file) throws IOException {
    Map<String, Article> out = new LinkedHashMap<>();
    for (ReadOutcome o : ArticleInputs.readAll(file, ReaderOptions.defaults())) {
      if (o instanceof ReadOutcome.Parsed p) {
        out.put(p.article().id(), p.article());
      }
    }
    return out;
  }
}
