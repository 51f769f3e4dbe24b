package dev.vera.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.article.Article;
import dev.vera.io.ArticleInputs;
import dev.vera.io.ReadOutcome;
import dev.vera.io.ReaderOptions;
import dev.vera.model.CredibilityModel;
import dev.vera.model.ScoringException;
import dev.vera.model.ScoringOptions;
import dev.vera.model.Verdict;
import dev.vera.output.VerdictJson;
import dev.vera.testing.FixtureCorpus;
import dev.vera.testing.FixtureModels;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan engine's resume contract without processes: whatever a killed run left after its last
 * checkpoint (a partial line, verdicts not yet recorded) is cut off, and the resumed output is the
 * uninterrupted one byte for byte.
 */
class BatchScannerTest {
  @TempDir Path dir;
  final CredibilityModel model = FixtureModels.model();

  private Path input(int records) throws IOException {
    Path file = dir.resolve("in.jsonl");
    List<Article> corpus = FixtureCorpus.articles();
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < records; i++) {
        Article a = corpus.get(i % corpus.size());
        ObjectNode n = VerdictJson.mapper().createObjectNode();
        n.put("id", "r-" + i).put("title", a.title()).put("text", a.text());
        w.write(n.toString());
        w.write('\n');
        if (i % 97 == 13) {
          w.write("{\"id\":\"bad\",\"title\":\n");
        }
      }
    }
    return file;
  }

  private ScanJob job(Path input, Path out, int threads, boolean resume, boolean force) {
    return new ScanJob(
        List.of(input),
        ReaderOptions.defaults(),
        ScoringOptions.DEFAULT,
        false,
        new ScanJob.ModelIdentity(model.card().modelId(), "test"),
        out,
        ScanJob.errorsBeside(out),
        ScanJob.checkpointBeside(out),
        threads,
        resume,
        force,
        25);
  }

  @Test
  void resumeCutsWhatFollowsTheCheckpointAndFinishesTheSameBytes() throws Exception {
    Path input = input(600);
    Path reference = dir.resolve("reference.jsonl");
    ScanResult whole =
        new BatchScanner(job(input, reference, 3, false, false), model, ScanListener.NONE).run();
    assertEquals(600 + 7, whole.summary().records());
    assertEquals(7, whole.summary().failed());
    byte[] expected = Files.readAllBytes(reference);
    byte[] expectedErrors = Files.readAllBytes(ScanJob.errorsBeside(reference));

    // A run "killed" after 250 records: its checkpoint says so, and the files hold more than that
    // (the next verdicts and half a line), as a SIGKILL between two checkpoints leaves them.
    Path out = dir.resolve("out.jsonl");
    List<String> lines = Files.readAllLines(reference, StandardCharsets.UTF_8);
    List<String> errors =
        Files.readAllLines(ScanJob.errorsBeside(reference), StandardCharsets.UTF_8);
    long durable = 0;
    int records = 0;
    List<String> outLines = new ArrayList<>(lines.subList(0, 245));
    for (String l : outLines) {
      durable += l.getBytes(StandardCharsets.UTF_8).length + 1;
    }
    records = 245 + 3; // three bad records come before verdict 245 (at 13, 110, 207)
    long errBytes = 0;
    for (String l : errors.subList(0, 3)) {
      errBytes += l.getBytes(StandardCharsets.UTF_8).length + 1;
    }
    Files.writeString(
        out, String.join("\n", lines.subList(0, 260)) + "\n" + lines.get(260).substring(0, 40));
    Files.writeString(ScanJob.errorsBeside(out), String.join("\n", errors.subList(0, 4)) + "\n");
    new Checkpoint(
            ScanIdentity.of(job(input, out, 1, true, false)), records, durable, errBytes, false)
        .write(ScanJob.checkpointBeside(out));

    ScanResult resumed =
        new BatchScanner(job(input, out, 1, true, false), model, ScanListener.NONE).run();
    assertEquals(records, resumed.resumedFrom());
    assertArrayEquals(expected, Files.readAllBytes(out));
    assertArrayEquals(expectedErrors, Files.readAllBytes(ScanJob.errorsBeside(out)));
    assertEquals(whole.summary().toJson(), resumed.summary().toJson());
  }

  @Test
  void refusesToOverwriteWithoutForce() throws Exception {
    Path input = input(10);
    Path out = dir.resolve("out.jsonl");
    Files.writeString(out, "precious\n");
    ScanRefusedException e =
        assertThrows(
            ScanRefusedException.class,
            () ->
                new BatchScanner(job(input, out, 1, false, false), model, ScanListener.NONE).run());
    assertTrue(e.getMessage().contains("--force"), e.getMessage());
    assertEquals("precious\n", Files.readString(out));
    new BatchScanner(job(input, out, 1, false, true), model, ScanListener.NONE).run();
    assertEquals(10, Files.readAllLines(out).size());
  }

  @Test
  void resumeWithoutCheckpointRefusesForeignOutput() throws Exception {
    Path input = input(10);
    Path out = dir.resolve("out.jsonl");
    Files.writeString(out, "not ours\n", StandardOpenOption.CREATE);
    ScanRefusedException e =
        assertThrows(
            ScanRefusedException.class,
            () ->
                new BatchScanner(job(input, out, 1, true, false), model, ScanListener.NONE).run());
    assertTrue(e.getMessage().startsWith("cannot resume: there is no checkpoint"), e.getMessage());
  }

  /**
   * Records are parsed on the scorer threads, yet the scan gives what reading them in order on one
   * thread gives: the same articles and rejections, and the same warnings in the same order.
   */
  @Test
  void parsingOnScorerThreadsGivesWhatSequentialReadingGives() throws Exception {
    Path inputs = Files.createDirectories(dir.resolve("mixed"));
    StringBuilder a = new StringBuilder();
    StringBuilder c = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      a.append("{\"id\":\"a-")
          .append(i)
          .append("\",\"title\":\"Title ")
          .append(i)
          .append("\",\"text\":\"Some text about topic ")
          .append(i % 7)
          .append('"');
      if (i == 5) {
        a.append(",\"foo\":1,\"date\":\"2020-13-01\",\"bar\":2"); // foo warned, then rejected
      } else if (i == 9) {
        a.append(",\"bar\":true,\"foo\":2");
      } else if (i % 50 == 7) {
        a.append(",\"label\":\"maybe\"");
      }
      a.append("}\n");
      if (i % 61 == 3) {
        a.append("{\"id\":\"broken\",\"title\":\n\n");
      }
      c.append(i)
          .append(",\"Headline ")
          .append(i)
          .append("\",\"Body, \"\"quoted\"\" ")
          .append(i)
          .append("\",x\n");
      if (i % 77 == 4) {
        c.append("short,row\n");
      }
    }
    Files.writeString(inputs.resolve("a.jsonl"), a.toString());
    Files.writeString(inputs.resolve("b.csv"), "id,title,text,extra\n" + c);
    Files.writeString(
        inputs.resolve("c.jsonl"), "{\"title\":\"t\",\"baz\":[1]}\n{\"title\":3,\"baz\":1}\n");

    List<String> readWarnings = new ArrayList<>();
    List<ReadOutcome> outcomes =
        ArticleInputs.readAll(inputs, ReaderOptions.defaults().withWarnings(readWarnings::add));
    List<String> expectedErrors = new ArrayList<>();
    List<String> expectedIds = new ArrayList<>();
    for (ReadOutcome o : outcomes) {
      if (o instanceof ReadOutcome.Parsed p) {
        expectedIds.add(p.article().id());
      } else {
        expectedErrors.add(
            VerdictJson.mapper()
                .writeValueAsString(VerdictJson.rejected((ReadOutcome.Rejected) o)));
      }
    }
    assertTrue(readWarnings.size() >= 4, readWarnings.toString());

    for (int threads : new int[] {1, 3}) {
      List<String> scanWarnings = Collections.synchronizedList(new ArrayList<>());
      Path out = dir.resolve("out-" + threads + ".jsonl");
      ScanJob j = job(inputs, out, threads, false, false);
      ScanJob withWarnings =
          new ScanJob(
              j.inputs(),
              ReaderOptions.defaults().withWarnings(scanWarnings::add),
              j.scoring(),
              j.reasons(),
              j.model(),
              j.output(),
              j.errors(),
              j.checkpoint(),
              j.threads(),
              j.resume(),
              j.force(),
              j.commitEvery());
      ScanResult r = new BatchScanner(withWarnings, model, ScanListener.NONE).run();
      assertEquals(outcomes.size(), r.summary().records());
      assertEquals(readWarnings, scanWarnings);
      assertEquals(expectedErrors, Files.readAllLines(ScanJob.errorsBeside(out)));
      List<String> ids = new ArrayList<>();
      for (String line : Files.readAllLines(out)) {
        ids.add(VerdictJson.mapper().readTree(line).get("id").asText());
      }
      assertEquals(expectedIds, ids);
    }
  }

  @Test
  void histogramBinsCoverTheUnitInterval() {
    assertEquals(0, ScanSummary.bin(0.0));
    assertEquals(1, ScanSummary.bin(0.05));
    assertEquals(19, ScanSummary.bin(0.999));
    assertEquals(19, ScanSummary.bin(1.0));
  }

  private BiFunction<Article, ScoringOptions, Verdict> failingOn(String id, RuntimeException e) {
    return (a, o) -> {
      if (id.equals(a.id())) {
        throw e;
      }
      return model.predict(a, o);
    };
  }

  /**
   * A declared failure of one article ({@link ScoringException}) is its error; the scan goes on.
   */
  @Test
  void aDeclaredScoringFailureIsThatRecordsErrorAndTheScanGoesOn() throws Exception {
    Path out = dir.resolve("out.jsonl");
    ScanResult r =
        new BatchScanner(
                job(input(30), out, 1, false, false),
                model,
                ScanListener.NONE,
                failingOn(
                    "r-7", new ScoringException("the encoder failed", new RuntimeException())))
            .run();
    assertEquals(31, r.summary().records());
    assertEquals(2, r.summary().failed(), "the bad line and r-7");
    String errors = Files.readString(ScanJob.errorsBeside(out));
    assertTrue(errors.contains("could not be scored: the encoder failed"), errors);
    assertEquals(29, Files.readAllLines(out).size());
  }

  /**
   * Anything else is a bug, not bad data: the scan stops saying so, records it as no article's
   * error, and --resume finishes the bytes of an uninterrupted scan from the checkpoint it left.
   */
  @Test
  void aBugStopsTheScanAndTheCheckpointStaysValid() throws Exception {
    Path input = input(200);
    Path reference = dir.resolve("reference.jsonl");
    new BatchScanner(job(input, reference, 1, false, false), model, ScanListener.NONE).run();

    Path out = dir.resolve("out.jsonl");
    IllegalStateException stopped =
        assertThrows(
            IllegalStateException.class,
            () ->
                new BatchScanner(
                        job(input, out, 1, false, false),
                        model,
                        ScanListener.NONE,
                        failingOn("r-150", new NullPointerException("a bug")))
                    .run());
    assertTrue(stopped.getMessage().contains("internal error"), stopped.getMessage());
    assertTrue(stopped.getMessage().contains("a bug"), stopped.getMessage());
    assertFalse(
        Files.readString(ScanJob.errorsBeside(out)).contains("a bug"),
        "the bug is no record's error");

    new BatchScanner(job(input, out, 1, true, false), model, ScanListener.NONE).run();
    assertArrayEquals(Files.readAllBytes(reference), Files.readAllBytes(out));
    assertArrayEquals(
        Files.readAllBytes(ScanJob.errorsBeside(reference)),
        Files.readAllBytes(ScanJob.errorsBeside(out)));
  }
}
