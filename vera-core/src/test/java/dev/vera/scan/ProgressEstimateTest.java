package dev.vera.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.io.RecordLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fraction read and the records expected, from line counts and the reader's position. */
class ProgressEstimateTest {
  private static RecordLocation at(String file, long line) {
    return new RecordLocation(file, line, 0);
  }

  @Test
  void fractionAndTotalFollowTheReaderAcrossFiles() {
    ProgressEstimate e = new ProgressEstimate();
    e.linesCounted(new ProgressEstimate.LineCounts(Map.of("a", 100L, "b", 300L), 400));
    e.readerAt(50, at("a", 50));
    ScanProgress p = e.snapshot(40, 0, 1, 2.0);
    assertEquals(50.0 / 400, p.fraction(), 1e-12);
    assertEquals(400, p.estimatedTotal(), "one record a line so far");
    assertEquals(20.0, p.rate(), 1e-12, "40 records in 2 s");

    // In the second file, two lines a record (multi-line records, or blank lines).
    e.readerAt(150, at("b", 100));
    p = e.snapshot(140, 0, 1, 4.0);
    assertEquals(200.0 / 400, p.fraction(), 1e-12);
    assertEquals(300, p.estimatedTotal(), "150 records in half the lines");
    assertTrue(p.totalKnown());
  }

  @Test
  void unknownUntilTheLinesAreCountedThenCaughtUp() {
    ProgressEstimate e = new ProgressEstimate();
    e.readerAt(10, at("a", 10));
    e.readerAt(11, at("b", 1));
    ScanProgress p = e.snapshot(11, 0, 0, 1.0);
    assertTrue(Double.isNaN(p.fraction()));
    assertEquals(-1, p.estimatedTotal());
    assertFalse(p.totalKnown());
    assertTrue(Double.isNaN(p.secondsLeft()));

    // Counted while the reader was in file b: the lines of a, passed before, still count.
    e.linesCounted(new ProgressEstimate.LineCounts(Map.of("a", 10L, "b", 30L), 40));
    e.readerAt(20, at("b", 10));
    assertEquals(20.0 / 40, e.snapshot(20, 0, 0, 2.0).fraction(), 1e-12);
  }

  @Test
  void aResumedScanCountsOnlyThisRunsPace() {
    ProgressEstimate e = new ProgressEstimate();
    e.linesCounted(new ProgressEstimate.LineCounts(Map.of("a", 1000L), 1000));
    e.readerAt(600, at("a", 600));
    ScanProgress p = e.snapshot(600, 500, 0, 10.0);
    assertEquals(10.0, p.rate(), 1e-12, "100 records this run in 10 s");
    assertEquals(40.0, p.secondsLeft(), 1e-12, "400 records left at 10 a second");
  }

  @Test
  void theFinishedSnapshotIsComplete() {
    ScanProgress p = ProgressEstimate.finished(70, 20, 3, 5.0);
    assertEquals(1.0, p.fraction());
    assertEquals(70, p.estimatedTotal());
    assertEquals(3, p.failed());
  }

  @Test
  void linesOfPlainFilesAreCountedAndCompressedOnesAreNot(@TempDir Path dir) throws Exception {
    Path a = Files.writeString(dir.resolve("a.jsonl"), "1\n2\n3\n");
    Path sub = Files.createDirectories(dir.resolve("more"));
    Path b = Files.writeString(sub.resolve("b.jsonl"), "1\n2"); // a last line without newline
    ProgressEstimate.LineCounts c = ProgressEstimate.countLines(List.of(a, sub));
    assertEquals(Map.of(a.toString(), 3L, b.toString(), 2L), c.perFile());
    assertEquals(5, c.total());

    Files.write(sub.resolve("c.jsonl.gz"), new byte[] {31, -117});
    assertNull(ProgressEstimate.countLines(List.of(a, sub)));
  }
}
