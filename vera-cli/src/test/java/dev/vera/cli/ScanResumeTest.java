package dev.vera.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code vera scan} child process killed with SIGKILL ({@link Process#destroyForcibly()}) at
 * several points, resumed each time with {@code --resume}, ends with the very bytes of an
 * uninterrupted scan: every record exactly once, in order.
 */
class ScanResumeTest {
  private static final int RECORDS = 12_000;

  @TempDir static Path shared;
  static Path model;

  @TempDir Path dir;

  @BeforeAll
  static void train() {
    model = Cli.trainModel(shared);
  }

  /** Good records with a bad one every 500, so that the errors file is resumed too. */
  private Path input() throws IOException {
    List<String> good = Files.readAllLines(ScanInputs.jsonl(dir.resolve("good.jsonl"), RECORDS, 3));
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < good.size(); i++) {
      lines.add(good.get(i));
      if (i % 500 == 250) {
        lines.add("{\"id\":\"bad-" + i + "\",\"title\":\"cut off");
      }
    }
    return Files.writeString(dir.resolve("in.jsonl"), String.join("\n", lines) + "\n");
  }

  private List<String> args(Path out, Path input, boolean resume) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "scan",
                "--model",
                model.toString(),
                "--out",
                out.toString(),
                "--threads",
                "2",
                "--commit-every",
                "100",
                "-q",
                input.toString()));
    if (resume) {
      args.add("--resume");
    }
    return args;
  }

  @Test
  void killedAtSeveralPointsThenResumedGivesTheUninterruptedBytes() throws Exception {
    Path input = input();
    Path reference = dir.resolve("reference.jsonl");
    Cli.Result ref = Cli.run(args(reference, input, false).toArray(String[]::new));
    assertEquals(1, ref.exit(), ref::toString);
    byte[] expected = Files.readAllBytes(reference);
    byte[] expectedErrors = Files.readAllBytes(dir.resolve("reference.errors.jsonl"));

    Path out = dir.resolve("out.jsonl");
    int kills = 0;
    boolean resume = false;
    for (double at : new double[] {0.1, 0.35, 0.6, 0.85}) {
      Process p =
          ScanInputs.vera(List.of("-Xmx256m"), args(out, input, resume))
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("child-" + at + ".log").toFile())
              .start();
      long target = (long) (expected.length * at);
      while (p.isAlive() && (!Files.exists(out) || Files.size(out) < target)) {
        Thread.sleep(1);
      }
      if (p.isAlive()) {
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        kills++;
      }
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      resume = true;
    }
    Path log = dir.resolve("child-final.log");
    int exit = ScanInputs.runChild(ScanInputs.vera(List.of(), args(out, input, true)), log, 120);
    assertEquals(1, exit, () -> readQuietly(log));
    System.out.println("scan killed mid-way " + kills + " time(s), then resumed to the end");
    assertTrue(
        kills >= 2, "the scan was killed only " + kills + " time(s) mid-way: too fast to test");

    assertArrayEquals(
        expected, Files.readAllBytes(out), "output differs from the uninterrupted run");
    assertArrayEquals(expectedErrors, Files.readAllBytes(dir.resolve("out.errors.jsonl")));
    // Every record exactly once: verdicts by id, failures by line.
    Set<String> ids = new HashSet<>();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      assertTrue(ids.add(Cli.json(line).get("id").asText()), line);
    }
    assertEquals(RECORDS, ids.size());
    assertEquals(RECORDS / 500, Files.readAllLines(dir.resolve("out.errors.jsonl")).size());
    assertTrue(readQuietly(log).contains("resumed after"), () -> readQuietly(log));
  }

  @Test
  void resumingAFinishedScanChangesNothing() throws Exception {
    Path input = input();
    Path out = dir.resolve("out.jsonl");
    Cli.Result first = Cli.run(args(out, input, false).toArray(String[]::new));
    assertEquals(1, first.exit(), first::toString);
    byte[] bytes = Files.readAllBytes(out);
    Cli.Result again = Cli.run(args(out, input, true).toArray(String[]::new));
    assertEquals(1, again.exit(), again::toString);
    assertArrayEquals(bytes, Files.readAllBytes(out));
    assertTrue(
        again
            .err()
            .contains(
                String.format(Locale.ROOT, "vera scan: %,d records", RECORDS + RECORDS / 500)),
        again::toString);
  }

  private static String readQuietly(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
