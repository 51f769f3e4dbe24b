package dev.vera.cli;

import static dev.vera.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad record never stops a batch: {@code check} names the file, line and record of each one on
 * stderr, judges every other record, puts an error object in the bad record's place in JSONL
 * output, and exits 1.
 */
class CheckBadInputTest {
  @TempDir static Path shared;
  static Path model;

  @TempDir Path dir;
  Path before;
  Path after;

  @BeforeAll
  static void train() {
    model = Cli.trainModel(shared);
  }

  @BeforeEach
  void goodNeighbours() throws IOException {
    before =
        Files.writeString(
            dir.resolve("before.jsonl"),
            "{\"id\":\"before\",\"title\":\"Good\",\"text\":\"A good article.\"}\n");
    after = Files.writeString(dir.resolve("after.txt"), "Another good article, in plain text.\n");
  }

  /**
   * Checks {@code before}, {@code bad}, {@code after} in JSONL and text output and asserts one
   * rejection, at {@code file:line (record n): problem}, in its place among the verdicts.
   *
   * @param ids the ids of the JSONL output in order, null where the error object must be
   */
  private void assertOneRejected(
      Path bad, long line, long record, String problem, List<String> ids, String... options) {
    List<String> args = new ArrayList<>(List.of("check", "--model", model.toString()));
    args.addAll(List.of(options));
    args.addAll(List.of("--format", "jsonl", before.toString(), bad.toString(), after.toString()));
    Cli.Result r = run(args.toArray(String[]::new));

    assertEquals(1, r.exit(), r::toString);
    String where = bad + ":" + line + " (record " + record + "): ";
    List<String> errLines = r.err().lines().toList();
    int judged = (int) ids.stream().filter(Objects::nonNull).count();
    assertEquals(
        List.of(
            "vera check: " + where + problem,
            "vera check: 1 record(s) could not be read; " + judged + " article(s) judged."),
        errLines,
        r::toString);

    List<JsonNode> out = r.jsonLines();
    assertEquals(ids.size(), out.size(), r::toString);
    for (int i = 0; i < ids.size(); i++) {
      JsonNode n = out.get(i);
      if (ids.get(i) == null) {
        assertTrue(n.get("id").isNull());
        assertEquals(problem, n.get("error").asText());
        assertEquals(bad.toString(), n.get("input").get("file").asText());
        assertEquals(line, n.get("input").get("line").asLong());
        assertEquals(record, n.get("input").get("record").asLong());
      } else {
        assertEquals(ids.get(i), n.get("id").asText(), r::toString);
        assertTrue(n.has("probability_fake"));
      }
    }

    // Text output: the same verdicts, the same error line, the same exit code.
    args.removeAll(List.of("--format", "jsonl"));
    Cli.Result text = run(args.toArray(String[]::new));
    assertEquals(1, text.exit(), text::toString);
    assertEquals(judged, CheckCommandTest.verdictLines(text.out()).size(), text::toString);
    assertTrue(text.err().contains("vera check: " + where + problem), text::toString);
  }

  @Test
  void emptyFile() throws IOException {
    Path bad = Files.write(dir.resolve("empty.txt"), new byte[0]);
    assertOneRejected(
        bad, 1, 1, "empty file: no article in it", Arrays.asList("before", null, "after"));
  }

  @Test
  void binaryFile() throws IOException {
    Path bad =
        Files.write(dir.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
    assertOneRejected(
        bad,
        1,
        1,
        "binary file (NUL byte at byte 5); Vera reads UTF-8 text",
        Arrays.asList("before", null, "after"));
  }

  @Test
  void invalidUtf8() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes("{\"id\":\"u1\",\"text\":\"fine\"}\n".getBytes(StandardCharsets.UTF_8));
    byte[] broken =
        "{\"id\":\"u2\",\"text\":\"caf\u00e9 broken\"}\n".getBytes(StandardCharsets.ISO_8859_1);
    b.writeBytes(broken); // é as the single Latin-1 byte 0xE9: not UTF-8
    b.writeBytes("{\"id\":\"u3\",\"text\":\"also fine\"}\n".getBytes(StandardCharsets.UTF_8));
    Path bad = Files.write(dir.resolve("latin1.jsonl"), b.toByteArray());
    int column = "{\"id\":\"u2\",\"text\":\"caf".length() + 1;
    assertOneRejected(
        bad,
        2,
        2,
        "invalid UTF-8 on line 2 at byte column " + column + " (byte 0xE9); Vera reads UTF-8 text",
        Arrays.asList("before", "u1", null, "u3", "after"));
  }

  @Test
  void seedHeaderWithBadDate() throws IOException {
    Path bad =
        Files.writeString(
            dir.resolve("dates.txt"),
            " date 2021-01-01 ✔\nGood one.\n date 2021-13-45 ✖\nLost body.\n\n date 2021-01-03 ✖\nGood two.\n");
    assertOneRejected(
        bad,
        3,
        2,
        "header date '2021-13-45' is not a valid YYYY-MM-DD date",
        Arrays.asList("before", "dates#1", null, "dates#3", "after"));
  }

  @Test
  void truncatedJsonlLineBetweenGoodLines() throws IOException {
    String cut = "{\"id\":\"t2\",\"title\":\"Cut off\",\"text\":\"This line was trunc";
    Path bad =
        Files.writeString(
            dir.resolve("cut.jsonl"),
            "{\"id\":\"t1\",\"text\":\"First.\"}\n"
                + cut
                + "\n{\"id\":\"t3\",\"text\":\"Third.\"}\n");
    Cli.Result r = run("check", "--model", model.toString(), "--format", "jsonl", bad.toString());
    // Jackson names the column; the rest of the message is Vera's.
    String problem = r.jsonLines().get(1).get("error").asText();
    assertTrue(
        problem.matches(
            "invalid JSON: unexpected end of input at column \\d+ \\(is the line truncated\\?\\)"),
        problem);
    assertOneRejected(bad, 2, 2, problem, Arrays.asList("before", "t1", null, "t3", "after"));
  }

  @Test
  void csvRecordWithAMissingColumn() throws IOException {
    Path bad =
        Files.writeString(
            dir.resolve("rows.csv"),
            "id,title,text,label\nr1,Good one,Body one.,real\nr2,Short row,Body two.\nr3,Good three,Body three.,fake\n");
    assertOneRejected(
        bad,
        3,
        2,
        "record has 3 fields but the header has 4: missing 'label'",
        Arrays.asList("before", "r1", null, "r3", "after"));
  }

  @Test
  void articleOverMaxArticleBytes() throws IOException {
    String big = "x".repeat(400);
    Path bad =
        Files.writeString(
            dir.resolve("sizes.jsonl"),
            "{\"id\":\"s1\",\"title\":\"Small\",\"text\":\"Fits.\"}\n"
                + "{\"id\":\"s2\",\"title\":\"Big\",\"text\":\""
                + big
                + "\"}\n"
                + "{\"id\":\"s3\",\"title\":\"Small too\",\"text\":\"Fits as well.\"}\n");
    assertOneRejected(
        bad,
        2,
        2,
        "article is 403 bytes, over the 300 bytes limit",
        Arrays.asList("before", "s1", null, "s3", "after"),
        "--max-article-bytes",
        "300");
  }

  /** Several bad records: each is reported, and the count says how many. */
  @Test
  void countsEveryRejection() throws IOException {
    Path empty = Files.write(dir.resolve("empty.txt"), new byte[0]);
    Path missing = dir.resolve("no-such-file.txt");
    Cli.Result r =
        run(
            "check",
            "--model",
            model.toString(),
            before.toString(),
            empty.toString(),
            missing.toString(),
            after.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(
        r.err()
            .contains(
                "vera check: "
                    + missing
                    + ":1 (record 1): cannot open the file: no such file or directory"),
        r::toString);
    assertTrue(
        r.err().contains("vera check: 2 record(s) could not be read; 2 article(s) judged."),
        r::toString);
    assertEquals(2, CheckCommandTest.verdictLines(r.out()).size());
  }
}
