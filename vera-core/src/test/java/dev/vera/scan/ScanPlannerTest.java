package dev.vera.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.io.ReaderOptions;
import dev.vera.model.ScoringOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a scan starts, decided from the files alone: no model, no thread, nothing written. */
class ScanPlannerTest {
  @TempDir Path dir;
  Path input;
  Path out;

  @BeforeEach
  void files() throws Exception {
    input = Files.writeString(dir.resolve("in.jsonl"), "{\"title\":\"t\",\"text\":\"x\"}\n");
    out = dir.resolve("out.jsonl");
  }

  private ScanJob job(Path in, Path output, boolean resume, boolean force, String modelId) {
    return new ScanJob(
        List.of(in),
        ReaderOptions.defaults(),
        ScoringOptions.DEFAULT,
        false,
        new ScanJob.ModelIdentity(modelId, "digest"),
        output,
        ScanJob.errorsBeside(output),
        ScanJob.checkpointBeside(output),
        1,
        resume,
        force,
        10);
  }

  private ScanJob job(boolean resume, boolean force) {
    return job(input, out, resume, force, "m1");
  }

  /** Writes a checkpoint of {@code job} and output files of the given lengths. */
  private void written(ScanJob job, long records, int outBytes, int errBytes, boolean complete)
      throws Exception {
    Files.write(job.output(), new byte[outBytes]);
    Files.write(job.errors(), new byte[errBytes]);
    new Checkpoint(ScanIdentity.of(job), records, outBytes, errBytes, complete)
        .write(job.checkpoint());
  }

  private static String refusal(ScanJob job) {
    return assertThrows(ScanRefusedException.class, () -> ScanPlanner.startingPoint(job))
        .getMessage();
  }

  @Test
  void aFreshScanStartsFromNothing() throws Exception {
    Checkpoint c = ScanPlanner.startingPoint(job(false, false));
    assertEquals(0, c.records());
    assertEquals(0, c.outputBytes());
    assertFalse(c.complete());
    assertEquals(ScanIdentity.of(job(false, false)), c.identity());
    assertFalse(Files.exists(out), "planning writes nothing");
  }

  @Test
  void outputIsNotOverwrittenWithoutForce() throws Exception {
    Files.writeString(out, "precious\n");
    assertTrue(refusal(job(false, false)).contains("already exists and is not empty"));
    assertEquals(0, ScanPlanner.startingPoint(job(false, true)).records());
    assertEquals("precious\n", Files.readString(out), "force decides, the scan cuts later");
  }

  @Test
  void resumeGoesOnFromTheCheckpoint() throws Exception {
    written(job(true, false), 7, 300, 40, false);
    Checkpoint c = ScanPlanner.startingPoint(job(true, false));
    assertEquals(List.of(7L, 300L, 40L), List.of(c.records(), c.outputBytes(), c.errorBytes()));
    assertFalse(c.complete());
  }

  @Test
  void whatFollowsTheCheckpointIsLeftForTheScanToCut() throws Exception {
    written(job(true, false), 7, 300, 40, false);
    Files.write(out, new byte[350]); // a killed run wrote past its last checkpoint
    assertEquals(300, ScanPlanner.startingPoint(job(true, false)).outputBytes());
  }

  @Test
  void aCompleteScanIsCompleteUnlessItsFilesGrewSince() throws Exception {
    written(job(true, false), 7, 300, 40, true);
    assertTrue(ScanPlanner.startingPoint(job(true, false)).complete());
    Files.write(ScanJob.errorsBeside(out), new byte[41]);
    Checkpoint c = ScanPlanner.startingPoint(job(true, false));
    assertFalse(c.complete(), "appended to: cut back and write the end again");
    assertEquals(40, c.errorBytes());
  }

  @Test
  void resumeRefusesFilesShorterThanTheCheckpoint() throws Exception {
    written(job(true, false), 7, 300, 40, false);
    Files.write(out, new byte[299]);
    assertTrue(refusal(job(true, false)).contains("is shorter than the checkpoint says"));
  }

  @Test
  void resumeRefusesAnotherScansCheckpoint() throws Exception {
    written(job(true, false), 7, 300, 40, false);
    String why = refusal(job(input, out, true, false, "m2"));
    assertTrue(
        why.startsWith("cannot resume: the model differs: the checkpoint was written with m1"),
        why);
  }

  @Test
  void resumeWithoutCheckpointStartsOnlyOverNothing() throws Exception {
    assertEquals(0, ScanPlanner.startingPoint(job(true, false)).records());
    Files.writeString(out, "not ours\n");
    assertTrue(refusal(job(true, false)).startsWith("cannot resume: there is no checkpoint"));
  }

  @Test
  void outputInsideAnInputIsRefused() throws Exception {
    Path inputs = Files.createDirectories(dir.resolve("inputs"));
    String why = refusal(job(inputs, inputs.resolve("out.jsonl"), false, false, "m1"));
    assertTrue(why.contains("would be written inside the input"), why);
  }

  @Test
  void anInputThatCannotBeReadTwiceIsRefused() {
    String why = refusal(job(Path.of("/dev/null"), out, false, false, "m1"));
    assertTrue(why.contains("is not a regular file or a directory"), why);
  }
}
