package dev.vera.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.io.ReaderOptions;
import dev.vera.model.ScoringOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appending, cutting back to a checkpoint, and committing, without reading or scoring. */
class ScanOutputTest {
  @TempDir Path dir;

  private ScanJob job(int commitEvery) throws Exception {
    Path in = Files.writeString(dir.resolve("in.jsonl"), "{}\n");
    Path out = dir.resolve("out.jsonl");
    return new ScanJob(
        List.of(in),
        ReaderOptions.defaults(),
        ScoringOptions.DEFAULT,
        false,
        new ScanJob.ModelIdentity("m", "d"),
        out,
        ScanJob.errorsBeside(out),
        ScanJob.checkpointBeside(out),
        1,
        true,
        false,
        commitEvery);
  }

  private static byte[] line(String s) {
    return (s + "\n").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void cutsBackToTheCheckpointAndCommitsWhatFollows() throws Exception {
    ScanJob job = job(1000);
    Files.writeString(job.output(), "v1\nv2\nhalf a li");
    Files.writeString(job.errors(), "e1\nnot recorded\n");
    Checkpoint at = new Checkpoint(ScanIdentity.of(job), 3, 6, 3, false);
    try (ScanOutput out = ScanOutput.openAt(job, at)) {
      assertEquals("v1\nv2\n", Files.readString(job.output()), "cut back to the checkpoint");
      assertEquals("e1\n", Files.readString(job.errors()));
      out.write(line("v3"), false);
      out.write(line("e2"), true);
      assertEquals(5, out.records());
      assertFalse(Files.exists(job.checkpoint()), "not due yet");
      out.commit(true);
    }
    assertEquals("v1\nv2\nv3\n", Files.readString(job.output()));
    assertEquals("e1\ne2\n", Files.readString(job.errors()));
    Checkpoint c = Checkpoint.read(job.checkpoint());
    assertEquals(List.of(5L, 9L, 6L), List.of(c.records(), c.outputBytes(), c.errorBytes()));
    assertTrue(c.complete());
    assertEquals(ScanIdentity.of(job), c.identity());
  }

  @Test
  void commitsEveryCommitEveryRecords() throws Exception {
    ScanJob job = job(2);
    try (ScanOutput out =
        ScanOutput.openAt(job, new Checkpoint(ScanIdentity.of(job), 0, 0, 0, false))) {
      out.write(line("a"), false);
      out.write(line("b"), false);
      Checkpoint c = Checkpoint.read(job.checkpoint());
      assertEquals(2, c.records());
      assertEquals(4, c.outputBytes());
      assertFalse(c.complete());
      out.write(line("c"), false);
      assertEquals(2, Checkpoint.read(job.checkpoint()).records(), "the third waits for the next");
      // Closed without a commit, as when a scan fails: the third record is not recorded.
    }
    assertEquals(2, Checkpoint.read(job.checkpoint()).records());
  }
}
