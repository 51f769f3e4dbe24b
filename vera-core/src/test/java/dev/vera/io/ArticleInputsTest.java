package dev.vera.io;

import static dev.vera.io.IoFixtures.drain;
import static dev.vera.io.IoFixtures.parsed;
import static dev.vera.io.IoFixtures.read;
import static dev.vera.io.IoFixtures.rejected;
import static dev.vera.io.IoFixtures.write;
import static dev.vera.io.IoFixtures.writeBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.article.Article;
import dev.vera.article.Label;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleInputsTest {

  @TempDir Path dir;

  private static byte[] gzip(String content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(content.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static InputStream stdin(String content) {
    return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void gzipFilesAreJudgedByTheInnerExtension() throws IOException {
    Path jsonl = writeBytes(dir, "a.jsonl.gz", gzip("{\"title\":\"zipped\",\"label\":\"real\"}\n"));
    Path csv = writeBytes(dir, "b.CSV.GZ", gzip("headline,content\nH,C\n"));

    assertEquals(
        new Article("a:1", "zipped", "", null, null, null, Label.REAL, Map.of()),
        parsed(read(jsonl).get(0), jsonl.toString(), 1, 1));
    assertEquals(
        new Article("b:2", "H", "C", null, null, null, null, Map.of()),
        parsed(read(csv).get(0), csv.toString(), 2, 1));
  }

  @Test
  void gzipWithoutAKnownInnerExtensionIsJudgedByContent() throws IOException {
    Path seed = writeBytes(dir, "s.txt.gz", gzip(" date 2020-01-01 ✖\nbody\n"));

    assertEquals(
        new Article("s", "", "body", LocalDate.of(2020, 1, 1), null, null, Label.FAKE, Map.of()),
        parsed(read(seed).get(0), seed.toString(), 1, 1));
  }

  @Test
  void brokenGzipIsRejectedNotThrown() throws IOException {
    Path notGzip = write(dir, "fake.jsonl.gz", "{\"title\":\"plain\"}\n");
    byte[] full = gzip("{\"title\":\"one\"}\n".repeat(50_000));
    Path truncated = writeBytes(dir, "cut.jsonl.gz", Arrays.copyOf(full, full.length / 2));

    List<ReadOutcome> a = read(notGzip);
    assertEquals(1, a.size());
    rejected(
        a.get(0),
        notGzip.toString(),
        1,
        1,
        "the file name ends in .gz but its content is not gzip data");

    List<ReadOutcome> b = read(truncated);
    ReadOutcome last = b.get(b.size() - 1);
    assertTrue(b.size() > 1, "records before the damage still come out");
    assertEquals(b.size(), last.where().record());
    assertTrue(
        ((ReadOutcome.Rejected) last).problem().startsWith("the gzip data is corrupt or truncated"),
        last::toString);
  }

  @Test
  void directoriesAreReadRecursivelyInPathOrderSkippingHiddenFiles() throws IOException {
    write(dir, "b.txt", "Body of b.");
    write(dir, "a/z.jsonl", "{\"text\":\"z\"}\n");
    write(dir, "a/.hidden.txt", "secret");
    write(dir, ".git/config", "[core]");
    write(dir, "c.csv", "title\nC\n");

    List<ReadOutcome> out = read(dir);

    assertEquals(3, out.size());
    assertEquals("z:1", parsed(out.get(0), dir.resolve("a/z.jsonl").toString(), 1, 1).id());
    assertEquals("b", parsed(out.get(1), dir.resolve("b.txt").toString(), 1, 1).id());
    assertEquals("c:2", parsed(out.get(2), dir.resolve("c.csv").toString(), 2, 1).id());
  }

  @Test
  void emptyDirectoryIsReported() throws IOException {
    Path empty = Files.createDirectory(dir.resolve("nothing"));
    write(empty, ".DS_Store", "x");

    List<ReadOutcome> out = read(empty);
    rejected(
        out.get(0),
        empty.toString(),
        1,
        1,
        "empty directory: no files in it (hidden files are skipped)");
  }

  @Test
  void openAllConcatenatesInTheGivenOrder() throws IOException {
    Path first = write(dir, "2.txt", "Second file, read first.");
    Path second = write(dir, "1.jsonl", "{\"text\":\"x\"}\n{\"text\":\"y\"}\n");
    Path missing = dir.resolve("missing.txt");

    List<ReadOutcome> out =
        drain(ArticleInputs.openAll(List.of(first, missing, second), ReaderOptions.defaults()));

    assertEquals(4, out.size());
    assertEquals("2", parsed(out.get(0), first.toString(), 1, 1).id());
    rejected(
        out.get(1), missing.toString(), 1, 1, "cannot open the file: no such file or directory");
    assertEquals("1:1", parsed(out.get(2), second.toString(), 1, 1).id());
    assertEquals("1:2", parsed(out.get(3), second.toString(), 2, 2).id());
  }

  @Test
  void standardInputIsDetectedFromContent() throws IOException {
    ReaderOptions opts = ReaderOptions.defaults();

    List<ReadOutcome> seed =
        drain(ArticleInputs.open("-", stdin("\n date 2020-01-01 ✔\nA\n date unknown\nB\n"), opts));
    assertEquals(
        new Article("-#1", "", "A", LocalDate.of(2020, 1, 1), null, null, Label.REAL, Map.of()),
        parsed(seed.get(0), "-", 2, 1));
    assertEquals("-#2", parsed(seed.get(1), "-", 4, 2).id());

    List<ReadOutcome> jsonl = drain(ArticleInputs.open("-", stdin("{\"text\":\"j\"}\n"), opts));
    assertEquals(
        new Article("-:1", "", "j", null, null, null, null, Map.of()),
        parsed(jsonl.get(0), "-", 1, 1));

    List<ReadOutcome> text = drain(ArticleInputs.open("-", stdin("Title\n\nBody"), opts));
    assertEquals(
        new Article("-", "Title", "Body", null, null, null, null, Map.of()),
        parsed(text.get(0), "-", 1, 1));

    List<ReadOutcome> zipped =
        drain(ArticleInputs.open("-", new ByteArrayInputStream(gzip("{\"text\":\"g\"}")), opts));
    assertEquals("g", parsed(zipped.get(0), "-", 1, 1).text());

    List<ReadOutcome> forced =
        drain(
            ArticleInputs.open("-", stdin("title,text\nt,x\n"), opts.withFormat(InputFormat.CSV)));
    assertEquals("t", parsed(forced.get(0), "-", 2, 1).title());
  }

  @Test
  void closingAnUnreadStreamReaderClosesTheStream() throws IOException {
    AtomicBoolean closed = new AtomicBoolean();
    InputStream in =
        new ByteArrayInputStream(new byte[0]) {
          @Override
          public void close() {
            closed.set(true);
          }
        };
    ArticleInputs.open("-", in, ReaderOptions.defaults()).close();
    assertTrue(closed.get());
  }

  @Test
  void emptyFilesAreOneRejection() throws IOException {
    Path zero = write(dir, "zero.txt", "");
    Path blank = write(dir, "blank.jsonl", "\n   \n\t\r\n");
    Path bigBlank = write(dir, "bigblank.txt", " \n".repeat(50_000));

    rejected(read(zero).get(0), zero.toString(), 1, 1, "empty file: no article in it");
    rejected(read(blank).get(0), blank.toString(), 1, 1, "empty file: no article in it");
    List<ReadOutcome> big = read(bigBlank);
    assertEquals(1, big.size());
    rejected(big.get(0), bigBlank.toString(), 1, 1, "empty file: no article in it");
  }

  @Test
  void binaryFilesAreOneRejection() throws IOException {
    byte[] bytes = "GIF89a\u0000\u0001{\"x\":1}\n".getBytes(StandardCharsets.UTF_8);
    Path file = writeBytes(dir, "image.jsonl", bytes);

    List<ReadOutcome> out = read(file);
    assertEquals(1, out.size());
    rejected(
        out.get(0),
        file.toString(),
        1,
        1,
        "binary file (NUL byte at byte 7); Vera reads UTF-8 text");
  }

  @Test
  void invalidUtf8NamesTheLineAndByteColumn() throws IOException {
    byte[] latin1 =
        "{\"text\":\"ok\"}\n{\"text\":\"caf\u00e9\"}\n{\"text\":\"ok2\"}\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    Path jsonl = writeBytes(dir, "latin1.jsonl", latin1);
    Path text =
        writeBytes(
            dir, "latin1.txt", "Title\n\nCaf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1));

    List<ReadOutcome> out = read(jsonl);
    assertEquals(3, out.size());
    parsed(out.get(0), jsonl.toString(), 1, 1);
    rejected(
        out.get(1),
        jsonl.toString(),
        2,
        2,
        "invalid UTF-8 on line 2 at byte column 13 (byte 0xE9); Vera reads UTF-8 text");
    parsed(out.get(2), jsonl.toString(), 3, 3);

    rejected(
        read(text).get(0),
        text.toString(),
        1,
        1,
        "invalid UTF-8 on line 3 at byte column 4 (byte 0xE9); Vera reads UTF-8 text");
  }

  @Test
  void oversizeArticlesAreRejectedInEveryFormat() throws IOException {
    String big = "é".repeat(700_000); // 1.4 MB of UTF-8 in 700,000 characters
    Path text =
        write(
            dir,
            "big.txt",
            "Title\n\n" + big.substring(0, 350_000) + "\n" + big.substring(350_000));
    Path jsonl = write(dir, "big.jsonl", "{\"text\":\"" + big + "\"}\n{\"text\":\"small\"}\n");
    Path seed =
        write(
            dir,
            "big.seed",
            " date 2020-01-01 ✖\n" + (big + "\n").repeat(3) + " date 2020-01-02 ✔\nsmall\n");

    rejected(read(text).get(0), text.toString(), 1, 1, "article is 1.4 MB, over the 1.0 MB limit");
    List<ReadOutcome> j = read(jsonl);
    rejected(j.get(0), jsonl.toString(), 1, 1, "article is 1.4 MB, over the 1.0 MB limit");
    parsed(j.get(1), jsonl.toString(), 2, 2);
    List<ReadOutcome> s = read(seed);
    rejected(s.get(0), seed.toString(), 1, 1, "article is 4.2 MB, over the 1.0 MB limit");
    assertEquals("big#2", parsed(s.get(1), seed.toString(), 5, 2).id());

    Path csv = write(dir, "small.csv", "title,text\nTitle," + "x".repeat(1500) + "\n");
    rejected(
        ArticleInputs.readAll(csv, ReaderOptions.defaults().withMaxArticleBytes(1000)).get(0),
        csv.toString(),
        2,
        1,
        "article is 1.5 kB, over the 1.0 kB limit");
  }

  @Test
  void overlongLinesAreSkippedWithoutBufferingAndReadingGoesOn() throws IOException {
    ReaderOptions opts = ReaderOptions.defaults().withMaxArticleBytes(1000); // line cap 67,536
    Path jsonl =
        write(
            dir,
            "long.jsonl",
            "{\"text\":\"a\"}\n{\"text\":\"" + "y".repeat(100_000) + "\"}\n{\"text\":\"c\"}\n");

    List<ReadOutcome> out = ArticleInputs.readAll(jsonl, opts);
    assertEquals(3, out.size());
    parsed(out.get(0), jsonl.toString(), 1, 1);
    rejected(
        out.get(1),
        jsonl.toString(),
        2,
        2,
        "line 2 is too long: 100.0 kB, over the 67.5 kB line limit; the record was skipped");
    parsed(out.get(2), jsonl.toString(), 3, 3);
  }

  @Test
  void explicitFormatOverridesDetection() throws IOException {
    Path file = write(dir, "looks.jsonl", "{\"not\": \"json lines here\"}\n\nreally text\n");

    List<ReadOutcome> out =
        ArticleInputs.readAll(file, ReaderOptions.defaults().withFormat(InputFormat.TEXT));
    assertEquals(
        new Article(
            "looks",
            "{\"not\": \"json lines here\"}",
            "really text",
            null,
            null,
            null,
            null,
            Map.of()),
        parsed(out.get(0), file.toString(), 1, 1));
  }
}
