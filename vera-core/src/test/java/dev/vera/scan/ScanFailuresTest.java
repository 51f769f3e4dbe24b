package dev.vera.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.article.Article;
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
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a scan does when scoring fails: a declared failure of one article ({@link
 * ScoringException}) is that record's error and the scan goes on; anything else is a bug and stops
 * the scan, leaving a checkpoint that a resumed scan finishes from, byte for byte.
 */
class ScanFailuresTest {
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
      }
    }
    return file;
  }

  private ScanJob job(Path input, Path out, boolean resume) {
    return new ScanJob(
        List.of(input),
        ReaderOptions.defaults(),
        ScoringOptions.DEFAULT,
        false,
        new ScanJob.ModelIdentity(model.card().modelId(), "test"),
        out,
        ScanJob.errorsBeside(out),
        ScanJob.checkpointBeside(out),
        1,
        resume,
        false,
        10);
  }

  private BiFunction<Article, ScoringOptions, Verdict> failingOn(String id, RuntimeException e) {
    return (a, o) -> {
      if (id.equals(a.id())) {
        throw e;
      }
      return model.predict(a, o);
    };
  }

  @Test
  void aDeclaredScoringFailureIsThatRecordsErrorAndTheScanGoesOn() throws Exception {
    Path out = dir.resolve("out.jsonl");
    ScanResult r =
        new BatchScanner(
                job(input(30), out, false),
                model,
                ScanListener.NONE,
                failingOn("r-7", new ScoringException("the encoder failed", new RuntimeException())))
            .run();
    assertEquals(30, r.summary().records());
    assertEquals(1, r.summary().failed());
    String error = Files.readString(ScanJob.errorsBeside(out));
    assertTrue(error.contains("could not be scored: the encoder failed"), error);
    assertEquals(29, Files.readAllLines(out).size());
  }

  /** A bug is not bad data: the scan stops saying so, and --resume finishes the same bytes. */
  @Test
  void aBugStopsTheScanAndTheCheckpointStaysValid() throws Exception {
    Path input = input(200);
    Path reference = dir.resolve("reference.jsonl");
    new BatchScanner(job(input, reference, false), model, ScanListener.NONE).run();

    Path out = dir.resolve("out.jsonl");
    IllegalStateException stopped =
        assertThrows(
            IllegalStateException.class,
            () ->
                new BatchScanner(
                        job(input, out, false),
                        model,
                        ScanListener.NONE,
                        failingOn("r-150", new NullPointerException("a bug")))
                    .run());
    assertTrue(stopped.getMessage().contains("internal error"), stopped.getMessage());
    assertTrue(stopped.getMessage().contains("a bug"), stopped.getMessage());
    assertEquals(0, Files.readString(ScanJob.errorsBeside(out)).length(), "the bug is no record's error");

    new BatchScanner(job(input, out, true), model, ScanListener.NONE).run();
    assertArrayEquals(Files.readAllBytes(reference), Files.readAllBytes(out));
    assertEquals(0, Files.size(ScanJob.errorsBeside(out)));
  }
}
