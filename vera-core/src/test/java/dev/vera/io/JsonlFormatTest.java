package dev.vera.io;

import static dev.vera.io.IoFixtures.parsed;
import static dev.vera.io.IoFixtures.read;
import static dev.vera.io.IoFixtures.rejected;
import static dev.vera.io.IoFixtures.resource;
import static dev.vera.io.IoFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vera.article.Article;
import dev.vera.article.Label;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlFormatTest {

  @TempDir Path dir;

  @Test
  void readsFieldsSplitsAndNumericIds() throws IOException {
    Path file = resource("sample-records.jsonl");
    String name = file.toString();
    List<String> warnings = new ArrayList<>();
    List<ReadOutcome> out =
        ArticleInputs.readAll(file, ReaderOptions.defaults().withWarnings(warnings::add));

    assertEquals(2, out.size());
    assertEquals(
        new Article(
            "17",
            "T1",
            "Body one",
            LocalDate.of(2020, 5, 1),
            "https://www.Foo.com/a",
            "foo.com",
            Label.FAKE,
            Map.of("split", "train", "split_time", "test")),
        parsed(out.get(0), name, 1, 1));
    assertEquals(
        new Article(
            "sample-records:3",
            "T2",
            "Body two\nsecond line",
            null,
            "http://n.com/x",
            "bar.org",
            Label.REAL,
            Map.of()),
        parsed(out.get(1), name, 3, 2));
    assertEquals(List.of(), warnings, "tweet_ids and news_url are known extras");
  }

  @Test
  void truncatedLineIsRejectedAndTheGoodOnesStillComeOutInOrder() throws IOException {
    Path file =
        write(
            dir,
            "mixed.jsonl",
            "{\"id\":\"a\",\"text\":\"one\"}\n"
                + "{\"id\":\"b\",\"title\":\"cut off here\n"
                + "{\"id\":\"c\",\"text\":\"three\"}\n"
                + "[1,2]\n"
                + "{\"id\":\"d\",\"text\":\"four\"} {}\n"
                + "{\"id\":\"e\",,}\n"
                + "{\"id\":\"f\",\"text\":\"last\"}");
    String name = file.toString();
    List<ReadOutcome> out = read(file);

    assertEquals(7, out.size());
    assertEquals("a", parsed(out.get(0), name, 1, 1).id());
    rejected(
        out.get(1),
        name,
        2,
        2,
        "invalid JSON: unexpected end of input at column 32 (is the line truncated?)");
    assertEquals("three", parsed(out.get(2), name, 3, 3).text());
    rejected(out.get(3), name, 4, 4, "expected a JSON object on each line, found an array");
    rejected(
        out.get(4),
        name,
        5,
        5,
        "invalid JSON: more text after the object at column 26 (one object per line)");
    rejected(
        out.get(5),
        name,
        6,
        6,
        "invalid JSON at column 11: unexpected character (','): was expecting double-quote to"
            + " start field name");
    assertEquals("f", parsed(out.get(6), name, 7, 7).id());
  }

  @Test
  void badValuesRejectTheRecordNamingTheField() throws IOException {
    Path file =
        write(
            dir,
            "bad.jsonl",
            "{\"title\":\"x\",\"label\":\"maybe\"}\n"
                + "{\"title\":\"x\",\"date\":\"2021-13-45\"}\n"
                + "{\"title\":\"\",\"text\":\"  \"}\n"
                + "{\"title\":5}\n"
                + "{\"title\":\"x\",\"id\":true}\n"
                + "{\"title\":\"x\",\"date\":\"\",\"label\":null}\n");
    String name = file.toString();
    List<ReadOutcome> out = read(file);

    assertEquals(6, out.size());
    rejected(
        out.get(0),
        name,
        1,
        1,
        "field 'label' is 'maybe'; allowed values are 'fake' and 'real' (or none for an"
            + " unlabelled article)");
    rejected(
        out.get(1),
        name,
        2,
        2,
        "field 'date' is '2021-13-45', which is not a valid YYYY-MM-DD date");
    rejected(out.get(2), name, 3, 3, "article has no text (title and text are empty)");
    rejected(out.get(3), name, 4, 4, "field 'title' must be a string, found a number");
    rejected(out.get(4), name, 5, 5, "field 'id' must be a string or a number, found a boolean");
    assertEquals(
        new Article("bad:6", "x", "", null, null, null, null, Map.of()),
        parsed(out.get(5), name, 6, 6));
  }

  @Test
  void unknownFieldsWarnOncePerFieldAndFile() throws IOException {
    Path file =
        write(
            dir,
            "extra.jsonl",
            "{\"title\":\"a\",\"speaker\":\"s\",\"dataset\":\"d\",\"binary\":1}\n"
                + "{\"title\":\"b\",\"foo\":1,\"bar\":2}\n"
                + "{\"title\":\"c\",\"foo\":3}\n");
    List<String> warnings = new ArrayList<>();
    List<ReadOutcome> out =
        ArticleInputs.readAll(file, ReaderOptions.defaults().withWarnings(warnings::add));

    assertEquals(3, out.size());
    out.forEach(o -> parsed(o, file.toString(), o.where().line(), o.where().record()));
    assertEquals(
        List.of(
            file
                + ":2: unknown field 'foo' ignored (known: id, title, text, date, url, source,"
                + " corpus, label, split*)",
            file
                + ":2: unknown field 'bar' ignored (known: id, title, text, date, url, source,"
                + " corpus, label, split*)"),
        warnings);
  }

  /**
   * The label field is configurable; a record without it falls back to {@code label} (LIAR's {@code
   * binary} beside corpora labelled in {@code label}), and a record with both reads the configured
   * one.
   */
  @Test
  void labelFieldIsConfigurableAndFallsBackToLabel() throws IOException {
    Path file =
        write(
            dir,
            "v.jsonl",
            "{\"title\":\"a\",\"verdict\":\"REAL\",\"label\":\"x\"}\n"
                + "{\"title\":\"b\",\"label\":\"fake\"}\n");
    List<String> warnings = new ArrayList<>();
    List<ReadOutcome> out =
        ArticleInputs.readAll(
            file, ReaderOptions.defaults().withLabelField("verdict").withWarnings(warnings::add));

    assertEquals(Label.REAL, parsed(out.get(0), file.toString(), 1, 1).label());
    assertEquals(Label.FAKE, parsed(out.get(1), file.toString(), 2, 2).label());
    assertEquals(List.of(), warnings);
  }

  @Test
  void jsonExtensionAndContentDetection() throws IOException {
    Path json = write(dir, "x.json", "{\"text\":\"a\"}\n");
    Path sniffed = write(dir, "y.data", "\n  {\"text\":\"b\"}\n");

    assertEquals("x:1", parsed(read(json).get(0), json.toString(), 1, 1).id());
    assertEquals("y:2", parsed(read(sniffed).get(0), sniffed.toString(), 2, 1).id());
  }
}
