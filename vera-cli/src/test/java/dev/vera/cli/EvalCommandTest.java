package dev.vera.cli;

import static dev.vera.cli.Cli.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
  @TempDir static Path shared;
  static Path model;
  static String corpus;

  @TempDir Path dir;

  @BeforeAll
  static void train() {
    model = Cli.trainModel(shared);
    corpus = Cli.corpus().toString();
  }

  @Test
  void evaluatesTheTestPartAndWritesJsonAndReport() throws IOException {
    Path json = dir.resolve("eval.json");
    Path report = dir.resolve("report.html");
    Cli.Result r =
        expect(
            0,
            "eval",
            "--model",
            model.toString(),
            "--data",
            corpus,
            "--split-field",
            "split",
            "--part",
            "test",
            "--json",
            json.toString(),
            "--report",
            report.toString(),
            "-q");

    assertTrue(
        r.outLines()
            .get(0)
            .matches(
                "Model vera-fast-[0-9a-f]{12} on "
                    + Pattern.quote(corpus)
                    + " \\(split=test\\), 40 articles"),
        r::toString);
    assertTrue(r.out().contains("\nmacro-F1 "), r::toString);

    JsonNode e = Cli.json(Files.readString(json));
    for (String key :
        List.of(
            "accuracy",
            "macro_f1",
            "roc_auc",
            "pr_auc",
            "ece",
            "brier",
            "per_class",
            "confusion_matrix")) {
      assertTrue(e.has(key), key + " in " + e);
    }
    assertEquals(40, e.get("n").asInt());
    assertEquals(16, e.get("per_class").get("fake").get("support").asInt());
    assertEquals(24, e.get("per_class").get("real").get("support").asInt());
    assertEquals("fake", e.get("confusion_matrix").get("labels").get(0).asText());
    int total = 0;
    for (JsonNode row : e.get("confusion_matrix").get("matrix")) {
      for (JsonNode c : row) {
        total += c.asInt();
      }
    }
    assertEquals(40, total);
    assertTrue(e.get("macro_f1").asDouble() > e.get("baseline").get("macro_f1").asDouble());

    String html = Files.readString(report);
    assertTrue(html.contains("<svg"), "charts are inline SVG");
    List<String> urls = new ArrayList<>();
    Matcher m = Pattern.compile("https?://[^\\s\"'<>)]+").matcher(html);
    while (m.find()) {
      urls.add(m.group());
    }
    assertTrue(!urls.isEmpty());
    assertTrue(
        urls.stream().allMatch("http://www.w3.org/2000/svg"::equals),
        "a self-contained report loads nothing from the network: " + urls);
  }

  /** Scores on training articles are not a test: refused, and the user told how many. */
  @Test
  void refusesTheTrainingPart() {
    Cli.Result r =
        expect(
            3,
            "eval",
            "--model",
            model.toString(),
            "--data",
            corpus,
            "--split-field",
            "split",
            "--part",
            "train",
            "-q");
    assertTrue(
        r.err()
            .startsWith(
                "vera eval: 120 of 120 articles were in this model's training data (matched by content hash)"),
        r::toString);
    assertTrue(r.err().contains("--force"), r::toString);
    assertEquals("", r.out());

    Cli.Result all = expect(3, "eval", "--model", model.toString(), "--data", corpus, "-q");
    assertTrue(
        all.err().startsWith("vera eval: 120 of 200 articles were in this model's training data"),
        all::toString);
  }

  @Test
  void forceEvaluatesAnyway() {
    Cli.Result r =
        expect(
            0,
            "eval",
            "--model",
            model.toString(),
            "--data",
            corpus,
            "--split-field",
            "split",
            "--part",
            "train",
            "--force",
            "-q");
    assertTrue(
        r.outLines()
            .get(0)
            .endsWith(", 120 articles, of which 120 were in the training data (--force)"),
        r::toString);
  }

  @Test
  void noLabelledArticlesIsAUsageError() throws IOException {
    Path unlabelled =
        Files.writeString(dir.resolve("u.jsonl"), "{\"title\":\"t\",\"text\":\"b\"}\n");
    Cli.Result r =
        expect(2, "eval", "--model", model.toString(), "--data", unlabelled.toString(), "-q");
    assertEquals(
        "vera eval: no labelled articles to evaluate (a 'label' of fake or real is needed)\n",
        r.err());
  }

  @Test
  void missingDataFileFails() {
    Path missing = dir.resolve("missing.jsonl");
    Cli.Result r =
        expect(3, "eval", "--model", model.toString(), "--data", missing.toString(), "-q");
    assertEquals("vera eval: no such file or directory: " + missing + "\n", r.err());
  }
}
