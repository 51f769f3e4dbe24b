package dev.vera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vera scan} streams: a JSONL input of a few hundred megabytes (300 MB by default; {@code
 * -Dvera.test.scanMegabytes=N} to change) is scanned in a child JVM whose heap is a quarter of
 * that, and every record comes out.
 */
class ScanStreamingTest {
  private static final long MEGABYTES = Long.getLong("vera.test.scanMegabytes", 300);

  @TempDir static Path shared;
  static Path model;

  @TempDir Path dir;

  @BeforeAll
  static void train() {
    model = Cli.trainModel(shared);
  }

  @Test
  void aLargeInputScansInASmallHeap() throws Exception {
    long free = Files.getFileStore(dir).getUsableSpace();
    assumeTrue(
        free > (2L << 30),
        "skipped: the streaming test needs 2 GB free in " + dir + ", has " + (free >> 20) + " MB");
    // One fixture article's body repeated 10 times: about 6 KB a record.
    Path sample = ScanInputs.jsonl(dir.resolve("sample.jsonl"), 200, 10);
    byte[] block = Files.readAllBytes(sample);
    Path input = dir.resolve("big.jsonl");
    long copies = MEGABYTES * (1 << 20) / block.length + 1;
    try (var out = Files.newOutputStream(input)) {
      for (long i = 0; i < copies; i++) {
        out.write(block);
      }
    }
    long records = copies * 200;

    Path output = dir.resolve("out.jsonl");
    Path log = dir.resolve("child.log");
    int exit =
        ScanInputs.runChild(
            ScanInputs.vera(
                List.of("-Xmx256m"),
                List.of(
                    "scan",
                    "--model",
                    model.toString(),
                    "--out",
                    output.toString(),
                    input.toString())),
            log,
            600);
    assertEquals(0, exit, () -> tail(log));
    long lines = 0;
    try (BufferedReader r = Files.newBufferedReader(output, StandardCharsets.UTF_8)) {
      while (r.readLine() != null) {
        lines++;
      }
    }
    assertEquals(records, lines);
    Files.delete(input);
    Files.delete(output);
  }

  private static String tail(Path log) {
    try {
      String s = Files.readString(log);
      return s.substring(Math.max(0, s.length() - 4000));
    } catch (IOException e) {
      return "(no log)";
    }
  }
}
