package dev.vera.io;

import static dev.vera.io.IoFixtures.parsed;
import static dev.vera.io.IoFixtures.read;
import static dev.vera.io.IoFixtures.rejected;
import static dev.vera.io.IoFixtures.resource;
import static dev.vera.io.IoFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.article.Article;
import dev.vera.article.Label;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedFormatTest {

  @TempDir Path dir;

  @Test
  void readsTheFoundingExample() throws IOException {
    Path file = resource("seed-article.txt");
    List<ReadOutcome> out = read(file);

    assertEquals(1, out.size());
    Article a = parsed(out.get(0), file.toString(), 1, 1);
    String content = Files.readString(file);
    String body = content.substring(content.indexOf('\n') + 1).strip();
    assertEquals(
        new Article(
            "seed-article", "", body, LocalDate.of(2021, 2, 5), null, null, Label.FAKE, Map.of()),
        a);
    assertTrue(a.text().startsWith("Chrissy Teigen is still mourning the loss of her child Jack"));
    assertTrue(a.text().endsWith("she stands by it without regret."));
    assertTrue(a.text().contains("tragic day.\n\nWhile sharing"), "inner blank lines are kept");
  }

  @Test
  void readsSeveralArticlesWithNumberedIds() throws IOException {
    Path file = resource("seed-multi.txt");
    String name = file.toString();
    List<ReadOutcome> out = read(file);

    assertEquals(3, out.size());
    assertEquals(
        new Article(
            "seed-multi#1",
            "",
            "First article body.\n\nSecond paragraph.",
            LocalDate.of(2020, 1, 2),
            null,
            null,
            Label.REAL,
            Map.of()),
        parsed(out.get(0), name, 1, 1));
    assertEquals(
        new Article(
            "seed-multi#2",
            "A headline",
            "Body two.",
            LocalDate.of(2020, 1, 3),
            null,
            null,
            Label.FAKE,
            Map.of()),
        parsed(out.get(1), name, 6, 2));
    assertEquals(
        new Article(
            "seed-multi#3", "", "Body three, unlabelled.", null, null, null, null, Map.of()),
        parsed(out.get(2), name, 9, 3));
  }

  @Test
  void readsVerasOwnOutputWithProbabilityAndMetadata() throws IOException {
    Path file = resource("seed-vera-output.txt");
    String name = file.toString();
    List<ReadOutcome> out = read(file);

    assertEquals(2, out.size());
    assertEquals(
        new Article(
            "gossipcop-123",
            "Chrissy Teigen mourns her son",
            "First body line.\nSecond body line.",
            LocalDate.of(2021, 2, 5),
            "https://www.Example.com/news/1?x=y",
            "example.com",
            Label.FAKE,
            Map.of()),
        parsed(out.get(0), name, 1, 1));
    assertEquals(
        new Article(
            "seed-vera-output#2",
            "",
            "Second article body.",
            LocalDate.of(2021, 2, 6),
            "http://www.other.org/story",
            "other.org",
            Label.REAL,
            Map.of()),
        parsed(out.get(1), name, 9, 2));
  }

  @Test
  void headerWithoutLeadingSpaceOrMarkAndTitleOnlyArticle() throws IOException {
    Path file = write(dir, "one.txt", "date 2019-12-31\n title Only a title\n");
    List<ReadOutcome> out = read(file);

    assertEquals(
        new Article(
            "one", "Only a title", "", LocalDate.of(2019, 12, 31), null, null, null, Map.of()),
        parsed(out.get(0), file.toString(), 1, 1));
  }

  @Test
  void badHeaderDateRejectsOnlyThatArticle() throws IOException {
    Path file =
        write(
            dir,
            "dates.txt",
            " date 2021-01-01 ✔\nGood one.\n date 2021-13-45 ✖\nLost body.\n\n date 2021-01-03 ✖\n"
                + "Good two.\n");
    String name = file.toString();
    List<ReadOutcome> out = read(file);

    assertEquals(3, out.size());
    assertEquals("dates#1", parsed(out.get(0), name, 1, 1).id());
    rejected(out.get(1), name, 3, 2, "header date '2021-13-45' is not a valid YYYY-MM-DD date");
    assertEquals(
        name + ":3 (record 2): header date '2021-13-45' is not a valid YYYY-MM-DD date",
        ((ReadOutcome.Rejected) out.get(1)).message());
    Article last = parsed(out.get(2), name, 6, 3);
    assertEquals("dates#3", last.id());
    assertEquals("Good two.", last.text());
  }

  @Test
  void junkAfterTheMarkOrDateIsRejected() throws IOException {
    Path file =
        write(
            dir,
            "junk.txt",
            " date 2021-01-01 ✖ maybe\nA.\n date 2021-01-02 yes\nB.\n date 2021-01-03 ✔ 0.5 x\nC.\n"
                + " date 2021-02-30\nD.\n date 2021-01-04 ✔ 1.5\nE.\n");
    String name = file.toString();
    List<ReadOutcome> out = read(file);

    assertEquals(5, out.size());
    rejected(
        out.get(0),
        name,
        1,
        1,
        "header has 'maybe' after the mark where nothing or a probability such as 0.912 was"
            + " expected");
    rejected(
        out.get(1),
        name,
        3,
        2,
        "header has 'yes' after the date where ✔ (credible) or ✖ (fake) or nothing was expected");
    rejected(
        out.get(2),
        name,
        5,
        3,
        "header has unexpected text 'x' after the probability; expected"
            + " ' date YYYY-MM-DD ✔|✖ [probability]'");
    rejected(out.get(3), name, 7, 4, "header date '2021-02-30' is not a valid YYYY-MM-DD date");
    rejected(
        out.get(4),
        name,
        9,
        5,
        "header has '1.5' after the mark where nothing or a probability such as 0.912 was"
            + " expected");
  }

  @Test
  void textBeforeTheFirstHeaderAndEmptyArticlesAreRejected() throws IOException {
    Path file =
        write(
            dir,
            "pre.txt",
            "Some stray text\nmore\n date 2021-01-01 ✔\n\n\n date 2021-01-02 ✖\nBody.\n");
    String name = file.toString();
    List<ReadOutcome> out =
        ArticleInputs.readAll(file, ReaderOptions.defaults().withFormat(InputFormat.SEED));

    assertEquals(3, out.size());
    rejected(
        out.get(0),
        name,
        1,
        1,
        "text before the first header line; every article must start with a line"
            + " ' date YYYY-MM-DD' optionally followed by ✔ (credible) or ✖ (fake)");
    rejected(out.get(1), name, 3, 2, "article has no text (title and text are empty)");
    assertEquals("pre#3", parsed(out.get(2), name, 6, 3).id());
  }

  @Test
  void invalidUtf8RejectsTheArticleItIsIn() throws IOException {
    byte[] head =
        " date 2021-01-01 ✔\nfine\n date 2021-01-02 ✖\nab".getBytes(StandardCharsets.UTF_8);
    byte[] tail = "cd\n date 2021-01-03 ✖\nfine too\n".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + 1 + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    all[head.length] = (byte) 0xFF;
    System.arraycopy(tail, 0, all, head.length + 1, tail.length);
    Path file = IoFixtures.writeBytes(dir, "bad.txt", all);
    String name = file.toString();
    List<ReadOutcome> out = read(file);

    assertEquals(3, out.size());
    parsed(out.get(0), name, 1, 1);
    rejected(
        out.get(1),
        name,
        3,
        2,
        "invalid UTF-8 on line 4 at byte column 3 (byte 0xFF); Vera reads UTF-8 text");
    parsed(out.get(2), name, 5, 3);
  }
}
