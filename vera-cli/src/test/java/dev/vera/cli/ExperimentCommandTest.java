package dev.vera.cli;

import static dev.vera.cli.Cli.SMALL;
import static dev.vera.cli.Cli.concat;
import static dev.vera.cli.Cli.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentCommandTest {
  @TempDir Path dir;

  @Test
  void splitFieldExperimentTrainsTunesAndTests() throws IOException {
    Path json = dir.resolve("exp.json");
    Path report = dir.resolve("exp.html");
    Path model = dir.resolve("exp.vera");
    Cli.Result r =
        expect(
            0,
            concat(
                new String[] {
                  "experiment",
                  "--data",
                  Cli.corpus().toString(),
                  "--split-field",
                  "split",
                  "--json",
                  json.toString(),
                  "--report",
                  report.toString(),
                  "--out",
                  model.toString()
                },
                SMALL));
    assertEquals(
        "Experiment on "
            + Cli.corpus()
            + ": trained on split=train (120), tuned on split=valid (40),"
            + " tested on split=test (40)",
        r.outLines().get(0));
    assertTrue(r.outLines().get(1).startsWith("Chosen on validation: C="), r::toString);

    JsonNode x = Cli.json(Files.readString(json));
    assertEquals("split", x.get("split_field").asText());
    assertEquals(40, x.get("test").get("n").asInt());
    assertTrue(x.get("test").has("macro_f1") && x.get("test").has("roc_auc"));
    assertEquals(120, x.get("model").get("training_data").get("train_articles").asInt());
    assertTrue(Files.readString(report).contains("<svg"));
    // The saved model is the experiment's model.
    JsonNode card = Cli.json(expect(0, "model", "info", "--json", model.toString()).out());
    assertEquals(x.get("model").get("model_id"), card.get("model_id"));
  }

  /** 3 folds of 120 real and 80 fake: test folds of 67, 67 and 66 articles. */
  @Test
  void foldsCrossValidate() throws IOException {
    Path json = dir.resolve("cv.json");
    Cli.Result r =
        expect(
            0,
            concat(
                new String[] {
                  "experiment",
                  "--data",
                  Cli.corpus().toString(),
                  "--folds",
                  "3",
                  "--json",
                  json.toString()
                },
                SMALL));
    assertEquals(
        "3-fold cross-validation on " + Cli.corpus() + " (200 labelled articles)",
        r.outLines().get(0));
    assertTrue(
        r.outLines().get(r.outLines().size() - 1).startsWith("mean  macro_f1 "), r::toString);

    JsonNode x = Cli.json(Files.readString(json));
    JsonNode folds = x.get("folds");
    assertEquals(3, folds.size());
    int[] sizes = {67, 67, 66};
    double sum = 0;
    for (int i = 0; i < 3; i++) {
      assertEquals(i + 1, folds.get(i).get("fold").asInt());
      assertEquals(sizes[i], folds.get(i).get("test").get("n").asInt());
      sum += folds.get(i).get("test").get("macro_f1").asDouble();
    }
    for (String key : List.of("macro_f1", "roc_auc", "pr_auc", "ece", "brier", "accuracy")) {
      assertTrue(x.get("mean").has(key) && x.get("sd").has(key), key);
    }
    assertEquals(sum / 3, x.get("mean").get("macro_f1").asDouble(), 1e-12);
  }

  @Test
  void designIsRequiredAndFoldsNeedThree() {
    Cli.Result none = expect(2, "experiment", "--data", Cli.corpus().toString());
    assertTrue(
        none.err().contains("--split-field") && none.err().contains("--folds"), none::toString);
    Cli.Result both =
        expect(
            2,
            "experiment",
            "--data",
            Cli.corpus().toString(),
            "--folds",
            "3",
            "--split-field",
            "split");
    assertTrue(both.err().contains("mutually exclusive"), both::toString);
    Cli.Result two =
        expect(2, "experiment", "--data", Cli.corpus().toString(), "--folds", "2", "-q");
    assertEquals(
        "vera experiment: --folds needs at least 3 (one test, one validation, the rest train)\n",
        two.err());
  }

  @Test
  void splitFieldWithoutTestPartIsAUsageError() throws IOException {
    Path noTest = dir.resolve("no-test.jsonl");
    Files.write(
        noTest,
        Files.readAllLines(Cli.corpus()).stream()
            .filter(l -> !l.contains("\"split\":\"test\""))
            .toList());
    Cli.Result r =
        expect(
            2,
            concat(
                new String[] {"experiment", "--data", noTest.toString(), "--split-field", "split"},
                SMALL));
    assertEquals("vera experiment: no article has split=test\n", r.err());
  }
}
