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

class CsvFormatTest {

  @TempDir Path dir;

  @Test
  void readsFakeNewsNetAndRejectsARecordWithAMissingColumn() throws IOException {
    Path file = resource("politifact_fake.csv");
    String name = file.toString();
    List<String> warnings = new ArrayList<>();
    List<ReadOutcome> out =
        ArticleInputs.readAll(file, ReaderOptions.defaults().withWarnings(warnings::add));

    assertEquals(3, out.size());
    assertEquals(
        new Article(
            "politifact15014",
            "BREAKING: First NFL Team Declares Bankruptcy Over Kneeling Thugs",
            "",
            null,
            "speedtalk.com/forum/viewtopic.php?t=51650",
            "speedtalk.com",
            null,
            Map.of()),
        parsed(out.get(0), name, 2, 1));
    rejected(
        out.get(1), name, 3, 2, "record has 3 fields but the header has 4: missing 'tweet_ids'");
    assertEquals(
        new Article(
            "politifact15156",
            "Court Orders Obama To Pay $400 Million In Restitution",
            "",
            null,
            "politics2020.info/index.php/2018/03/13/court-orders-obama-to-pay-400-million-in-restitution/",
            "politics2020.info",
            null,
            Map.of()),
        parsed(out.get(2), name, 4, 3));
    assertEquals(List.of(), warnings);
  }

  @Test
  void readsQuotedMultiLineFieldsAndAliases() throws IOException {
    Path file = resource("multiline.csv");
    String name = file.toString();
    List<String> warnings = new ArrayList<>();
    List<ReadOutcome> out =
        ArticleInputs.readAll(file, ReaderOptions.defaults().withWarnings(warnings::add));

    assertEquals(2, out.size());
    assertEquals(
        new Article(
            "1",
            "Quoted, title",
            "Line one\nline two \"quoted\"\n\nline four",
            LocalDate.of(2021, 1, 2),
            null,
            null,
            Label.FAKE,
            Map.of("split", "train")),
        parsed(out.get(0), name, 2, 1));
    assertEquals(
        new Article("2", "Plain", "Text", null, null, null, Label.REAL, Map.of()),
        parsed(out.get(1), name, 7, 2));
    assertEquals(
        List.of(
            name
                + ":1: unknown column 'Extra' ignored (known: id, title|headline,"
                + " text|body|content, date|publish_date|published, url|news_url|link,"
                + " source|domain|publisher, corpus, label, split*)"),
        warnings);
  }

  @Test
  void headerWithoutTitleOrTextRejectsTheWholeFile() throws IOException {
    Path file = write(dir, "nocol.csv", "id,url\n1,http://a.com\n2,http://b.com\n");
    List<ReadOutcome> out = read(file);

    assertEquals(1, out.size());
    rejected(
        out.get(0),
        file.toString(),
        1,
        1,
        "CSV header has no title or text column: found 'id', 'url'; expected at least one of"
            + " 'title', 'headline', 'text', 'body', 'content'");
  }

  @Test
  void badRecordsAreRejectedAloneAndReadingGoesOn() throws IOException {
    Path file =
        write(
            dir,
            "bad.csv",
            "title,text,date,label\n"
                + "a,\"quoted\"x,,\n"
                + "b,fine,2020-02-30,\n"
                + "c,fine,,maybe\n"
                + "d,\"two\nlines\",,fake,extra\n"
                + ",,,\n"
                + "e,ok,2020-02-29,real\n"
                + "f,\"never closed\n"
                + "g,h,,\n");
    String name = file.toString();
    List<ReadOutcome> out = read(file);

    assertEquals(7, out.size());
    rejected(
        out.get(0),
        name,
        2,
        1,
        "invalid CSV: text after the closing quote of a field on line 2 at column 11 (a quote"
            + " inside a quoted field must be doubled)");
    rejected(
        out.get(1),
        name,
        3,
        2,
        "column 'date' is '2020-02-30', which is not a valid YYYY-MM-DD date");
    rejected(
        out.get(2),
        name,
        4,
        3,
        "column 'label' is 'maybe'; allowed values are 'fake' and 'real' (or none for an"
            + " unlabelled article)");
    rejected(
        out.get(3),
        name,
        5,
        4,
        "record has 5 fields but the header has 4: 1 more than the header names");
    rejected(out.get(4), name, 7, 5, "article has no text (title and text are empty)");
    assertEquals(
        new Article(
            "bad:8", "e", "ok", LocalDate.of(2020, 2, 29), null, null, Label.REAL, Map.of()),
        parsed(out.get(5), name, 8, 6));
    rejected(
        out.get(6),
        name,
        9,
        7,
        "invalid CSV: the quoted field opened on line 9 is never closed (missing closing quote)");
  }

  @Test
  void headerOnlyFileIsReported() throws IOException {
    Path file = write(dir, "empty.csv", "\uFEFFtitle,text\r\n\r\n");
    List<ReadOutcome> out = read(file);

    assertEquals(1, out.size());
    rejected(
        out.get(0),
        file.toString(),
        1,
        1,
        "CSV file has a header but no records: no article in it");
  }
}
