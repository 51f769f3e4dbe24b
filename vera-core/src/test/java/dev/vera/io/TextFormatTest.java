package dev.vera.io;

import static dev.vera.io.IoFixtures.parsed;
import static dev.vera.io.IoFixtures.read;
import static dev.vera.io.IoFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vera.article.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFormatTest {

  @TempDir Path dir;

  @Test
  void shortFirstLineBeforeABlankLineIsTheTitle() throws IOException {
    Path file = write(dir, "story.txt", "\n  Big News Today  \n\nFirst paragraph.\n\nSecond.\n\n");
    List<ReadOutcome> out = read(file);

    assertEquals(1, out.size());
    assertEquals(
        new Article(
            "story",
            "Big News Today",
            "First paragraph.\n\nSecond.",
            null,
            null,
            null,
            null,
            Map.of()),
        parsed(out.get(0), file.toString(), 2, 1));
  }

  @Test
  void withoutABlankLineEverythingIsBody() throws IOException {
    Path file = write(dir, "notitle", "Line one\nline two\r\n\r\nline four\r\n");
    List<ReadOutcome> out = read(file);

    assertEquals(
        new Article(
            "notitle", "", "Line one\nline two\n\nline four", null, null, null, null, Map.of()),
        parsed(out.get(0), file.toString(), 1, 1));
  }

  @Test
  void aLongFirstLineIsBody() throws IOException {
    String longLine = "x".repeat(TextReader.MAX_TITLE_CHARS + 1);
    Path file = write(dir, "long.md", longLine + "\n\nrest\n");

    assertEquals(
        new Article("long", "", longLine + "\n\nrest", null, null, null, null, Map.of()),
        parsed(read(file).get(0), file.toString(), 1, 1));
  }

  @Test
  void aSingleLineIsBodyNotTitle() throws IOException {
    Path file = write(dir, "one.txt", "\uFEFFJust a sentence.");

    assertEquals(
        new Article("one", "", "Just a sentence.", null, null, null, null, Map.of()),
        parsed(read(file).get(0), file.toString(), 1, 1));
  }

  @Test
  void dateProseIsNotMistakenForAHeader() throws IOException {
    Path file = write(dir, "prose.txt", "date night ideas\n\nDinner and a film.\n");

    assertEquals(
        new Article(
            "prose", "date night ideas", "Dinner and a film.", null, null, null, null, Map.of()),
        parsed(read(file).get(0), file.toString(), 1, 1));
  }
}
