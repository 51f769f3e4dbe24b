package dev.vera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled default model against the real GossipCop corpus: the test-part figures written in
 * its model card (and quoted in the README) are what {@code vera eval} reproduces now, and the
 * model refuses to be scored on its own training articles. Skipped without the data.
 */
@Tag("corpus")
class BundledModelTest {
  @TempDir Path tmp;

  private static Path gossipcop() {
    Path file = GossipCopDataTest.dataDirectory().resolve("gossipcop/articles.jsonl");
    Assumptions.assumeTrue(
        Files.isRegularFile(file),
        "GossipCop data not found at " + file.toAbsolutePath() + "; set VERA_DATA to run this test");
    return file;
  }

  @Test
  void evalOnTheTestPartReproducesTheModelCard() throws Exception {
    Path data = gossipcop();
    JsonNode card = Cli.json(Cli.expect(0, "model", "info", "--json").out());
    JsonNode recorded = card.path("test");
    assertEquals("split=test", recorded.path("part").asText());
    Path json = tmp.resolve("eval.json");
    Cli.expect(
        0, "eval", "--data", data.toString(), "--split-field", "split", "--json", json.toString(), "-q");
    JsonNode now = Cli.json(Files.readString(json));
    assertEquals(recorded.path("n").asInt(), now.path("n").asInt());
    for (String key : new String[] {"accuracy", "macro_f1", "roc_auc", "pr_auc", "ece", "brier"}) {
      assertEquals(recorded.path(key).asDouble(), now.path(key).asDouble(), 1e-9, key);
    }
    // The bars of the model's own card: the text-only model beats the majority baseline by far.
    assertTrue(now.path("macro_f1").asDouble() > now.path("baseline").path("macro_f1").asDouble() + 0.3);
  }

  @Test
  void evalRefusesTheTrainingPart() {
    Path data = gossipcop();
    Cli.Result r =
        Cli.expect(3, "eval", "--data", data.toString(), "--split-field", "split", "--part", "train", "-q");
    assertTrue(
        r.err().contains("10094 of 10094 articles were in this model's training data"), r.err());
  }
}
