package dev.vera.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.vera.article.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Shared helpers for the reader tests: fixtures, reading everything, and outcome assertions. */
final class IoFixtures {

  private IoFixtures() {}

  /** A fixture under {@code src/test/resources/io/}. */
  static Path resource(String name) {
    try {
      return Path.of(IoFixtures.class.getResource("/io/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path write(Path dir, String name, String content) {
    return writeBytes(dir, name, content.getBytes(StandardCharsets.UTF_8));
  }

  static Path writeBytes(Path dir, String name, byte[] content) {
    try {
      Path p = dir.resolve(name);
      Files.createDirectories(p.getParent());
      return Files.write(p, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<ReadOutcome> read(Path path) throws IOException {
    return ArticleInputs.readAll(path, ReaderOptions.defaults());
  }

  static List<ReadOutcome> drain(ArticleReader reader) throws IOException {
    List<ReadOutcome> out = new ArrayList<>();
    try (reader) {
      for (ReadOutcome o = reader.next(); o != null; o = reader.next()) {
        out.add(o);
      }
    }
    return out;
  }

  /** The article of an outcome that must be parsed, checking where it came from. */
  static Article parsed(ReadOutcome outcome, String file, long line, long record) {
    ReadOutcome.Parsed p = assertInstanceOf(ReadOutcome.Parsed.class, outcome, outcome::toString);
    assertEquals(new RecordLocation(file, line, record), p.where());
    return p.article();
  }

  /** Asserts that an outcome is a rejection at the given place with exactly this problem. */
  static void rejected(ReadOutcome outcome, String file, long line, long record, String problem) {
    ReadOutcome.Rejected r =
        assertInstanceOf(ReadOutcome.Rejected.class, outcome, outcome::toString);
    assertEquals(new RecordLocation(file, line, record), r.where());
    assertEquals(problem, r.problem());
  }
}
