package dev.vera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vera.article.Article;
import dev.vera.io.ReaderOptions;
import dev.vera.io.Sha256;
import dev.vera.model.ProgressListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The real GossipCop corpus reads whole: every one of its 14,419 articles parses, and the counts
 * per split part and label match the stats.json shipped beside it. Skipped (with the reason) on a
 * machine without the data: set {@code VERA_DATA} to the data directory (the one holding {@code
 * gossipcop/}), or keep it at {@code ../shared/data} next to the repository.
 */
@Tag("corpus")
class GossipCopDataTest {
  private Path dir;

  @BeforeEach
  void locate() {
    dir = dataDirectory().resolve("gossipcop");
    Assumptions.assumeTrue(
        Files.isRegularFile(dir.resolve("articles.jsonl"))
            && Files.isRegularFile(dir.resolve("stats.json")),
        "GossipCop data not found at "
            + dir.toAbsolutePath()
            + "; set VERA_DATA to the data directory (holding gossipcop/) to run this test");
  }

  /** $VERA_DATA, else {@code ../shared/data} beside the repository root. */
  static Path dataDirectory() {
    String env = System.getenv("VERA_DATA");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    // Maven runs tests in the module directory; the repository root is the first parent that
    // holds both modules.
    Path p = Path.of("").toAbsolutePath();
    while (p != null
        && !(Files.isDirectory(p.resolve("vera-core"))
            && Files.isDirectory(p.resolve("vera-cli")))) {
      p = p.getParent();
    }
    Path root = p != null ? p : Path.of("").toAbsolutePath();
    Path parent = root.getParent() != null ? root.getParent() : root;
    return parent.resolve("shared/data");
  }

  @Test
  void readsEveryArticleAndMatchesTheStats() throws IOException {
    Path file = dir.resolve("articles.jsonl");
    JsonNode stats = Cli.json(Files.readString(dir.resolve("stats.json")));
    StringWriter err = new StringWriter();
    List<String> warnings = new ArrayList<>();
    Inputs.Loaded loaded =
        Inputs.readAll(
            List.of(file),
            ReaderOptions.defaults().withWarnings(warnings::add),
            new PrintWriter(err),
            ProgressListener.NONE);

    assertEquals(List.of(), loaded.rejected(), "no record may be rejected");
    assertEquals("", err.toString());
    assertEquals(List.of(), warnings);
    assertEquals(14_419, loaded.articles().size());
    assertEquals(stats.get("rows").asInt(), loaded.articles().size());
    assertEquals(
        stats.get("sha256").asText(),
        Sha256.hex(file),
        "the data file is the one stats.json describes");

    for (Iterator<String> it = stats.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!stats.get(field).isObject()) {
        continue;
      }
      Map<String, Integer> expected = new TreeMap<>();
      stats.get(field).properties().forEach(e -> expected.put(e.getKey(), e.getValue().asInt()));
      Map<String, Integer> actual = new TreeMap<>();
      for (Article a : loaded.articles()) {
        String part = a.splitPart(field);
        String key =
            (part == null ? "None" : part)
                + "/"
                + (a.label() == null ? "None" : a.label().wireName());
        actual.merge(key, 1, Integer::sum);
      }
      assertEquals(expected, actual, field);
    }
  }
}
