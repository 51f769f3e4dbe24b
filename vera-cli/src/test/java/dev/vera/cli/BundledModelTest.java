package dev.vera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled models against the real corpora: the test-part figures written in their model cards
 * are what {@code vera eval} reproduces now, and a model refuses to be scored on its own training
 * articles. Skipped without the data.
 */
@Tag("corpus")
class BundledModelTest {
  @TempDir Path tmp;

  private static Path gossipcop() {
    Path file = GossipCopDataTest.dataDirectory().resolve("gossipcop/articles.jsonl");
    Assumptions.assumeTrue(
        Files.isRegularFile(file),
        "GossipCop data not found at "
            + file.toAbsolutePath()
            + "; set VERA_DATA to run this test");
    return file;
  }

  private static Path[] defaultCorpora() {
    Path dir = GossipCopDataTest.dataDirectory();
    Path[] files = {
      dir.resolve("gossipcop/articles.jsonl"),
      dir.resolve("politifact/articles.jsonl"),
      dir.resolve("buzzfeed_webis_2016/articles.jsonl"),
      dir.resolve("fakehealth_story/articles.jsonl")
    };
    for (Path f : files) {
      Assumptions.assumeTrue(
          Files.isRegularFile(f),
          f.toAbsolutePath() + " not found; set VERA_DATA to run this test");
    }
    return files;
  }

  @Test
  void evalOnTheTestPartReproducesTheGossipCopModelCard() throws Exception {
    reproducesTheCard("fast-gossipcop", gossipcop());
  }

  @Test
  void evalOnTheTestPartsReproducesTheDefaultModelCard() throws Exception {
    reproducesTheCard("fast", defaultCorpora());
  }

  private void reproducesTheCard(String model, Path... data) throws Exception {
    JsonNode card = Cli.json(Cli.expect(0, "model", "info", model, "--json").out());
    JsonNode recorded = card.path("test");
    assertEquals("split=test", recorded.path("part").asText());
    Path json = tmp.resolve("eval.json");
    List<String> args = new ArrayList<>(List.of("eval", "--model", model));
    for (Path d : data) {
      args.add("--data");
      args.add(d.toString());
    }
    args.addAll(List.of("--split-field", "split", "--json", json.toString(), "-q"));
    Cli.expect(0, args.toArray(String[]::new));
    JsonNode now = Cli.json(Files.readString(json));
    assertEquals(recorded.path("n").asInt(), now.path("n").asInt());
    for (String key : new String[] {"accuracy", "macro_f1", "roc_auc", "pr_auc", "ece", "brier"}) {
      assertEquals(recorded.path(key).asDouble(), now.path(key).asDouble(), 1e-9, key);
    }
    // The bars of the model's own card: the text-only model beats the majority baseline by far.
    assertTrue(
        now.path("macro_f1").asDouble() > now.path("baseline").path("macro_f1").asDouble() + 0.3);
  }

  @Test
  void evalRefusesTheTrainingPart() {
    Path data = gossipcop();
    Cli.Result r =
        Cli.expect(
            3,
            "eval",
            "--model",
            "fast-gossipcop",
            "--data",
            data.toString(),
            "--split-field",
            "split",
            "--part",
            "train",
            "-q");
    assertTrue(
        r.err().contains("10094 of 10094 articles were in this model's training data"), r.err());
  }
}
