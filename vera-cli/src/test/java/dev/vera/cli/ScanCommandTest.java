package dev.vera.cli;

import static dev.vera.cli.Cli.expect;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vera scan} in-process: output in input order whatever the thread count, the same numbers
 * as {@code vera check}, bad records in the errors file with their line, the summary files, and
 * refusals that protect earlier work.
 */
class ScanCommandTest {
  @TempDir static Path shared;
  static Path model;

  @TempDir Path dir;

  @BeforeAll
  static void train() {
    model = Cli.trainModel(shared);
  }

  private String[] scan(Path out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("scan", "--model", model.toString(), "--out", out.toString(), "-q"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private static List<JsonNode> jsonLines(Path file) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      nodes.add(Cli.json(line));
    }
    return nodes;
  }

  @Test
  void outputIsInInputOrderWhateverTheThreads() throws IOException {
    Path input = ScanInputs.jsonl(dir.resolve("in.jsonl"), 3000, 1);
    Path one = dir.resolve("one.jsonl");
    Path four = dir.resolve("four.jsonl");
    expect(0, scan(one, "--threads", "1", input.toString()));
    expect(0, scan(four, "--threads", "4", input.toString()));
    assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(four));
    List<JsonNode> lines = jsonLines(four);
    assertEquals(3000, lines.size());
    for (int i = 0; i < lines.size(); i++) {
      assertEquals("a-" + i, lines.get(i).get("id").asText());
      assertEquals(i + 1, lines.get(i).get("input").get("line").asLong());
    }
    assertEquals(0, Files.size(dir.resolve("four.errors.jsonl")));
    JsonNode cp = Cli.json(Files.readString(dir.resolve("four.checkpoint.json")));
    assertTrue(cp.get("complete").asBoolean());
    assertEquals(3000, cp.get("records").asLong());
    assertEquals(Files.size(four), cp.get("output_bytes").asLong());
  }

  @Test
  void sameVerdictsAsCheck() throws IOException {
    Path input = ScanInputs.jsonl(dir.resolve("in.jsonl"), 300, 1);
    Path seed = Files.writeString(dir.resolve("seed.txt"), CheckCommandTest.SEED);
    Cli.Result check =
        expect(
            0,
            "check",
            "--model",
            model.toString(),
            "--format",
            "jsonl",
            input.toString(),
            seed.toString());
    List<String> checkLines = check.outLines();

    // With --reasons, each line is the very line vera check --format jsonl prints.
    Path withReasons = dir.resolve("reasons.jsonl");
    expect(0, scan(withReasons, "--reasons", input.toString(), seed.toString()));
    assertEquals(checkLines, Files.readAllLines(withReasons, StandardCharsets.UTF_8));

    // Without, the same verdicts and numbers, with no reasons.
    Path plain = dir.resolve("plain.jsonl");
    expect(0, scan(plain, input.toString(), seed.toString()));
    List<JsonNode> scanned = jsonLines(plain);
    List<JsonNode> checked = check.jsonLines();
    assertEquals(checked.size(), scanned.size());
    for (int i = 0; i < checked.size(); i++) {
      JsonNode c = checked.get(i);
      JsonNode s = scanned.get(i);
      assertEquals(CheckCommandTest.VERDICT_KEYS, CheckCommandTest.keys(s));
      for (String key :
          List.of(
              "id",
              "label",
              "probability_fake",
              "text_probability_fake",
              "threshold",
              "source",
              "input")) {
        assertEquals(c.get(key), s.get(key), key + " of line " + (i + 1));
      }
      assertEquals(0, s.get("reasons").size());
    }

    // --use-source and --threshold reach the scan as they reach check.
    Cli.Result checkSource =
        expect(
            0,
            "check",
            "--model",
            model.toString(),
            "--format",
            "jsonl",
            "--use-source",
            "--threshold",
            "0.3",
            input.toString());
    Path source = dir.resolve("source.jsonl");
    expect(0, scan(source, "--reasons", "--use-source", "--threshold", "0.3", input.toString()));
    assertEquals(checkSource.outLines(), Files.readAllLines(source, StandardCharsets.UTF_8));
  }

  @Test
  void badRecordsGoToTheErrorsFileWithTheirLine() throws IOException {
    List<String> lines = new ArrayList<>();
    List<Integer> badLines = new ArrayList<>();
    List<String> goodIds = new ArrayList<>();
    List<String> good = Files.readAllLines(ScanInputs.jsonl(dir.resolve("src.jsonl"), 40, 1));
    for (int i = 0; i < good.size(); i++) {
      lines.add(good.get(i));
      goodIds.add("a-" + i);
      if (i % 7 == 3) {
        lines.add("{\"id\":\"broken\",\"title\":\"cut off"); // truncated JSON
        badLines.add(lines.size());
      }
      if (i % 11 == 5) {
        lines.add("{\"id\":\"nothing\",\"title\":\"\",\"text\":\"\"}"); // no title, no text
        badLines.add(lines.size());
      }
    }
    Path mixed = Files.writeString(dir.resolve("mixed.jsonl"), String.join("\n", lines) + "\n");
    Path empty = Files.write(dir.resolve("empty.jsonl"), new byte[0]);
    Path out = dir.resolve("out.jsonl");
    Path errors = dir.resolve("bad.jsonl");
    Cli.Result r =
        expect(1, scan(out, "--errors", errors.toString(), mixed.toString(), empty.toString()));
    assertTrue(r.err().contains("failed (see " + errors + ")"), r::toString);

    List<JsonNode> verdicts = jsonLines(out);
    assertEquals(goodIds, verdicts.stream().map(n -> n.get("id").asText()).toList());
    List<JsonNode> failed = jsonLines(errors);
    assertEquals(badLines.size() + 1, failed.size());
    for (int i = 0; i < badLines.size(); i++) {
      JsonNode f = failed.get(i);
      assertEquals(mixed.toString(), f.get("input").get("file").asText());
      assertEquals((long) badLines.get(i), f.get("input").get("line").asLong());
      assertFalse(f.get("error").asText().isBlank());
      assertTrue(f.get("id").isNull());
    }
    JsonNode last = failed.get(failed.size() - 1);
    assertEquals(empty.toString(), last.get("input").get("file").asText());
    assertEquals("empty file: no article in it", last.get("error").asText());
  }

  @Test
  void readsDirectoriesCsvSeedAndGzip() throws IOException {
    Path root = Files.createDirectories(dir.resolve("archive/sub"));
    Path jsonl = ScanInputs.jsonl(dir.resolve("archive/a.jsonl"), 5, 1);
    try (OutputStream gz =
        new GZIPOutputStream(Files.newOutputStream(dir.resolve("archive/b.jsonl.gz")))) {
      gz.write(Files.readAllBytes(jsonl));
    }
    Files.writeString(
        root.resolve("c.csv"),
        "id,title,text\nc-1,A title,\"A body, with a comma.\"\nc-2,Other,Another body.\n");
    Files.writeString(root.resolve("d.txt"), CheckCommandTest.SEED);
    Path out = dir.resolve("out.jsonl");
    expect(0, scan(out, dir.resolve("archive").toString()));
    List<String> ids = jsonLines(out).stream().map(n -> n.path("id").asText()).toList();
    assertEquals(5 + 5 + 2 + 2, ids.size(), ids::toString);
    assertEquals(List.of("a-0", "a-1", "a-2", "a-3", "a-4"), ids.subList(0, 5));
    assertEquals(ids.subList(0, 5), ids.subList(5, 10));
    assertEquals(List.of("c-1", "c-2"), ids.subList(10, 12));
  }

  @Test
  void summaryJsonAndHtmlReport() throws IOException {
    Path input = ScanInputs.jsonl(dir.resolve("in.jsonl"), 400, 1);
    Files.writeString(input, "{\"id\":\"bad\"\n", StandardOpenOption.APPEND);
    Path out = dir.resolve("out.jsonl");
    Path summary = dir.resolve("summary.json");
    Path report = dir.resolve("summary.html");
    Cli.Result r =
        expect(
            1,
            scan(
                out,
                "--summary",
                summary.toString(),
                "--report",
                report.toString(),
                input.toString()));
    JsonNode s = Cli.json(Files.readString(summary));
    List<JsonNode> verdicts = jsonLines(out);
    long fake = verdicts.stream().filter(v -> v.get("label").asText().equals("fake")).count();
    assertEquals(401, s.get("records").asLong());
    assertEquals(fake, s.get("fake").asLong());
    assertEquals(400 - fake, s.get("credible").asLong());
    assertEquals(1, s.get("failed").asLong());
    assertEquals(20, s.get("histogram").size());
    long binned = 0;
    for (JsonNode b : s.get("histogram")) {
      binned += b.get("count").asLong();
    }
    assertEquals(400, binned);
    assertTrue(s.get("top_fake_sources").size() > 0, s::toString);
    String html = Files.readString(report);
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(html.contains("<svg"));
    assertFalse(
        html.contains("http://") || html.contains("https://") || html.contains("<script"), html);
    assertTrue(
        r.err()
            .contains(
                "vera scan: 401 records: ✔ "
                    + (400 - fake)
                    + " credible, ✖ "
                    + fake
                    + " fake, 1 failed"),
        r::toString);
  }

  @Test
  void refusesToOverwriteOrToResumeAnotherScan() throws IOException {
    Path input = ScanInputs.jsonl(dir.resolve("in.jsonl"), 50, 1);
    Path out = dir.resolve("out.jsonl");
    expect(0, scan(out, input.toString()));
    byte[] first = Files.readAllBytes(out);

    Cli.Result again = expect(2, scan(out, input.toString()));
    assertTrue(
        again.err().contains(out + " already exists and is not empty; add --resume"),
        again::toString);
    assertArrayEquals(first, Files.readAllBytes(out));

    Cli.Result otherThreshold =
        expect(2, scan(out, "--resume", "--threshold", "0.2", input.toString()));
    assertTrue(
        otherThreshold.err().contains("cannot resume: the option threshold differs"),
        otherThreshold::toString);

    Path other = ScanInputs.jsonl(dir.resolve("other.jsonl"), 10, 1);
    Cli.Result otherInput = expect(2, scan(out, "--resume", other.toString()));
    assertTrue(otherInput.err().contains("cannot resume: the inputs differ"), otherInput::toString);

    // A copy of the model file is the same model: the resume is accepted (and has nothing to do).
    Path copy = Files.copy(model, dir.resolve("copy.vera"));
    List<String> args = new ArrayList<>(List.of(scan(out, "--resume", input.toString())));
    args.set(args.indexOf("--model") + 1, copy.toString());
    expect(0, args.toArray(String[]::new));
    assertArrayEquals(first, Files.readAllBytes(out));

    Cli.Result bundled =
        expect(2, "scan", "--out", out.toString(), "-q", "--resume", input.toString());
    assertTrue(bundled.err().contains("cannot resume: the model differs"), bundled::toString);

    Files.writeString(
        input, "{\"id\":\"changed\",\"title\":\"t\",\"text\":\"x\"}\n", StandardOpenOption.APPEND);
    Cli.Result changed = expect(2, scan(out, "--resume", input.toString()));
    assertTrue(
        changed.err().contains("changed since the checkpoint was written"), changed::toString);

    expect(0, scan(out, "--force", input.toString()));
    assertEquals(51, Files.readAllLines(out).size());

    Cli.Result inside = expect(2, scan(dir.resolve("results.jsonl"), dir.toString()));
    assertTrue(inside.err().contains("would be written inside the input"), inside::toString);

    Cli.Result stdin = expect(2, scan(dir.resolve("x.jsonl"), "-"));
    assertTrue(stdin.err().contains("not standard input"), stdin::toString);
  }
}
