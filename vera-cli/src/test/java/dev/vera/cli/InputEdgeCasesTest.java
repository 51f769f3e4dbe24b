package dev.vera.cli;

import static dev.vera.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs and outputs that are not plain files on a healthy disk: pipes, directories that cannot be
 * listed, truncated gzip, a full device. Each gives a clear message naming the file and the
 * problem, and a batch goes on with the rest.
 */
class InputEdgeCasesTest {
  static final String TWO =
      "{\"id\":\"a\",\"title\":\"Star quits show\",\"text\":\"The star said she is leaving the show.\"}\n"
          + "{\"id\":\"b\",\"title\":\"Insiders say\",\"text\":\"A source close to the couple said so.\"}\n";

  @TempDir Path dir;

  /** The help lists the formats in lower case; they are accepted as written. */
  @Test
  void inputFormatsAreAcceptedInLowerCase() throws IOException {
    Path file = Files.writeString(dir.resolve("articles.txt"), TWO);
    Cli.Result r = run("check", "--input-format", "jsonl", "-f", "jsonl", file.toString());
    assertEquals(0, r.exit(), r::toString);
    assertEquals(2, r.out().strip().split("\n").length, r::toString);
  }

  private Path fifo(String name) throws Exception {
    Path fifo = dir.resolve(name);
    Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
    Assumptions.assumeTrue(
        p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo is needed");
    return fifo;
  }

  private static CompletableFuture<Void> feed(Path fifo, String text) {
    return CompletableFuture.runAsync(
        () -> {
          try (OutputStream o = Files.newOutputStream(fifo)) {
            o.write(text.getBytes(StandardCharsets.UTF_8));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** {@code vera check <(head -n 2 file.jsonl)}: a pipe has no position, and needs none. */
  @Test
  void checkReadsAPipe() throws Exception {
    Path fifo = fifo("pipe");
    CompletableFuture<Void> writer = feed(fifo, TWO);
    Cli.Result r = run("check", "--input-format", "jsonl", "-f", "jsonl", fifo.toString());
    writer.get(30, TimeUnit.SECONDS);
    assertEquals(0, r.exit(), r::toString);
    List<String> lines = List.of(r.out().strip().split("\n"));
    assertEquals(2, lines.size(), r::toString);
    assertTrue(lines.get(0).contains("\"id\":\"a\""), r::toString);
  }

  /** Resuming means reading again, which a pipe cannot: scan says so instead of crashing. */
  @Test
  void scanRefusesAPipeWithAReason() throws Exception {
    Path fifo = fifo("pipe");
    Cli.Result r = run("scan", fifo.toString(), "--out", dir.resolve("out.jsonl").toString(), "-q");
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains(fifo + " is not a regular file or a directory"), r::toString);
    assertTrue(r.err().contains("resume"), r::toString);
  }

  /**
   * A subdirectory that cannot be listed is one failed record in the errors file, and the rest is
   * scanned. Its path is longer than the system allows (ENAMETOOLONG), which stops root as surely
   * as a missing permission stops anyone else (CI runs as root).
   */
  @Test
  void scanRecordsAnUnlistableSubdirectoryAndGoesOn() throws Exception {
    Path root = Files.createTempDirectory("vera-deep-");
    try {
      Path archive = Files.createDirectory(root.resolve("archive"));
      Files.writeString(archive.resolve("a.jsonl"), TWO);
      String segment = "d".repeat(250);
      String script =
          "cd '"
              + archive
              + "' && for i in $(seq 20); do mkdir "
              + segment
              + " && cd "
              + segment
              + "; done";
      Process p = new ProcessBuilder("bash", "-c", script).start();
      assertTrue(
          p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "could not build the deep tree");

      Path out = root.resolve("out.jsonl");
      Cli.Result r = run("scan", archive.toString(), "--out", out.toString(), "-q");
      assertEquals(1, r.exit(), r::toString);
      assertEquals(2, Files.readAllLines(out).size(), r::toString);
      String errors = Files.readString(root.resolve("out.errors.jsonl"));
      assertTrue(errors.contains("cannot read") && errors.contains(segment), errors);
      assertEquals(1, errors.strip().split("\n").length, errors);

      Cli.Result check = run("check", "-f", "jsonl", archive.toString());
      assertEquals(1, check.exit(), check::toString);
      assertEquals(3, check.out().strip().split("\n").length, check::toString);
    } finally {
      new ProcessBuilder("rm", "-rf", root.toString()).start().waitFor(60, TimeUnit.SECONDS);
    }
  }

  /** A gzip file cut inside its header: the message says what is wrong, not "(null)". */
  @Test
  void aTruncatedGzipHeaderIsNamedAndExplained() throws IOException {
    Path gz = Files.write(dir.resolve("cut.jsonl.gz"), new byte[] {0x1f, (byte) 0x8b, 8});
    Cli.Result r = run("check", gz.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains(gz + ":1"), r::toString);
    assertTrue(
        r.err().contains("the gzip data is corrupt or truncated (it ends early)"), r::toString);
    assertFalse(r.err().contains("null"), r::toString);
  }

  /** A full disk: the message names the file that could not be written. */
  @Test
  void aFullDeviceIsNamed() throws IOException {
    Path full = Path.of("/dev/full");
    Assumptions.assumeTrue(Files.isWritable(full), "needs /dev/full");
    Path in = Files.writeString(dir.resolve("in.jsonl"), TWO);
    Cli.Result r =
        run(
            "scan",
            in.toString(),
            "--out",
            dir.resolve("out.jsonl").toString(),
            "-q",
            "--summary",
            full.toString());
    assertEquals(3, r.exit(), r::toString);
    assertTrue(r.err().contains("/dev/full: cannot write: No space left on device"), r::toString);
  }
}
