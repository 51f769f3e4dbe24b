package dev.vera.cli;

import static dev.vera.cli.Cli.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled accurate model, chosen by name: its card and its sentence-embedding reason. */
class AccurateModelTest {
  private static final Path EXAMPLE = Path.of("../examples/celebrity-rumor.txt");

  @Test
  void modelInfoNamesTheEncoder() {
    Cli.Result r = expect(0, "model", "info", "accurate");
    assertTrue(r.out().startsWith("# Model card: vera-accurate-"), r::toString);
    assertTrue(r.out().contains("| sentence embeddings | all-minilm-l6-v2-q@"), r::toString);
    assertTrue(r.out().contains("| model format | vera-credibility v7 |"), r::toString);
    Cli.Result fast = expect(0, "model", "info", "fast");
    assertTrue(fast.out().startsWith("# Model card: vera-fast-"), fast::toString);
    assertEquals(expect(0, "model", "info").out(), fast.out(), "fast is the default");
  }

  @Test
  void checkGivesTheEmbeddingsShareAmongTheReasons() {
    Cli.Result r = expect(0, "check", "--model", "accurate", "-f", "jsonl", EXAMPLE.toString());
    JsonNode v = r.jsonLines().get(0);
    List<String> kinds = new ArrayList<>();
    v.path("reasons").forEach(x -> kinds.add(x.path("kind").asText()));
    assertTrue(kinds.contains("embedding"), r::toString);
    assertTrue(kinds.contains("neighbours"), r::toString);
    assertTrue(kinds.contains("phrase"), r::toString);
    Cli.Result text = expect(0, "check", "--model", "accurate", EXAMPLE.toString());
    assertTrue(
        text.out().contains("  sentence embedding (the encoder's reading of the text): "),
        text::toString);
    // The fast model reads no embeddings and says nothing of them.
    Cli.Result fast = expect(0, "check", EXAMPLE.toString());
    assertTrue(!fast.out().contains("sentence embedding"), fast::toString);
  }
}
