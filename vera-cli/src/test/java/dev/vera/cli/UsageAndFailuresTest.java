package dev.vera.cli;

import static dev.vera.cli.Cli.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exit code 2 for what the user typed wrong, 3 for work that could not be done, each with one clear
 * line.
 */
class UsageAndFailuresTest {
  @TempDir static Path shared;
  static Path model;
  static Path article;

  @TempDir Path dir;

  @BeforeAll
  static void setUp() throws IOException {
    model = Cli.trainModel(shared);
    article = Files.writeString(shared.resolve("a.txt"), "A headline\n\nA body.\n");
  }

  @Test
  void unknownOptionIsUsage() {
    Cli.Result r = expect(2, "check", "--model", model.toString(), "--bogus", article.toString());
    assertTrue(r.err().startsWith("Unknown option: '--bogus'"), r::toString);
    assertEquals("", r.out());
  }

  @Test
  void thresholdOutsideZeroOneIsUsage() {
    Cli.Result r =
        expect(2, "check", "--model", model.toString(), "--threshold", "1.5", article.toString());
    assertEquals("vera check: threshold must lie strictly between 0 and 1, was 1.5\n", r.err());
    expect(2, "check", "--model", model.toString(), "--threshold", "0", article.toString());
    expect(2, "check", "--model", model.toString(), "--threshold", "half", article.toString());
  }

  @Test
  void otherUsageErrors() {
    expect(2, "check", "--model", model.toString()); // no INPUT
    expect(2, "check", "--model", model.toString(), "--format", "xml", article.toString());
    expect(2, "check", "--model", model.toString(), "--input-format", "pdf", article.toString());
    expect(2, "frobnicate");
    Cli.Result bits =
        expect(
            2,
            "train",
            "--data",
            Cli.corpus().toString(),
            "--out",
            dir.resolve("m.vera").toString(),
            "--hash-bits",
            "40",
            "-q");
    assertEquals("vera train: hashBits must be 10..24, was 40\n", bits.err());
    Cli.Result spaces =
        expect(
            2,
            "train",
            "--data",
            Cli.corpus().toString(),
            "--out",
            dir.resolve("m.vera").toString(),
            "--spaces",
            "emoji",
            "-q");
    assertTrue(
        spaces.err().startsWith("vera train: unknown feature space 'emoji'"), spaces::toString);
    Cli.Result field =
        expect(
            2,
            "train",
            "--data",
            Cli.corpus().toString(),
            "--out",
            dir.resolve("m.vera").toString(),
            "--split-field",
            "split_time",
            "-q");
    assertEquals(
        "vera train: no article has split_time=train; is 'split_time' the right split field?\n",
        field.err());
  }

  @Test
  void missingModelFileFails() {
    Path missing = dir.resolve("nope.vera");
    Cli.Result r = expect(3, "check", "--model", missing.toString(), article.toString());
    assertEquals("vera check: model file not found: " + missing + "\n", r.err());
    Cli.Result info = expect(3, "model", "info", missing.toString());
    assertTrue(info.err().contains(": model file not found: " + missing + "\n"), info::toString);
  }

  @Test
  void aFileThatIsNotAModelFails() throws IOException {
    Path notModel = Files.writeString(dir.resolve("notes.vera"), "just some text\n");
    Cli.Result r = expect(3, "check", "--model", notModel.toString(), article.toString());
    assertEquals(
        "vera check: " + notModel + ": not a Vera model file (it does not start with 'VERAMODL')\n",
        r.err());
    Cli.Result e =
        expect(3, "eval", "--model", notModel.toString(), "--data", Cli.corpus().toString());
    assertTrue(e.err().contains("not a Vera model file"), e::toString);
  }

  @Test
  void aDamagedModelFails() throws IOException {
    byte[] bytes = Files.readAllBytes(model);
    Path cut = Files.write(dir.resolve("cut.vera"), Arrays.copyOf(bytes, bytes.length / 2));
    Cli.Result r = expect(3, "check", "--model", cut.toString(), article.toString());
    assertTrue(r.err().startsWith("vera check: " + cut + ": damaged model file"), r::toString);
  }

  @Test
  void helpAndVersionExitZero() {
    assertTrue(expect(0, "--help").out().contains("check"));
    assertTrue(expect(0, "--version").out().startsWith("vera "));
    assertTrue(expect(0, "check", "--help").out().contains("--max-article-bytes"));
  }
}
