package dev.vera.cli;

import static dev.vera.cli.Cli.SMALL;
import static dev.vera.cli.Cli.concat;
import static dev.vera.cli.Cli.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leave one corpus out over the fixture corpus cut into three folders of its own. */
class GeneralizationCommandTest {
  @TempDir Path dir;
  private final List<Path> corpora = new ArrayList<>();

  /** Articles 0, 3, 6 … go to "alpha", 1, 4, 7 … to "beta", the rest to "gamma". */
  @BeforeEach
  void threeCorpora() throws IOException {
    List<String> lines = Files.readAllLines(Cli.corpus(), StandardCharsets.UTF_8);
    String[] names = {"alpha", "beta", "gamma"};
    List<List<String>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (int i = 0; i < lines.size(); i++) {
      parts.get(i % 3).add(lines.get(i));
    }
    for (int k = 0; k < 3; k++) {
      Path folder = Files.createDirectories(dir.resolve(names[k]));
      corpora.add(
          Files.write(folder.resolve("articles.jsonl"), parts.get(k), StandardCharsets.UTF_8));
    }
  }

  private String[] data() {
    List<String> args = new ArrayList<>(List.of("--data"));
    corpora.forEach(p -> args.add(p.toString()));
    return args.toArray(String[]::new);
  }

  @Test
  void holdsOutEachCorpusAndJudgesEachTestPart() throws IOException {
    Path json = dir.resolve("gen.json");
    Path page = dir.resolve("gen.html");
    Path peer = dir.resolve("peer.jsonl");
    Files.writeString(
        peer,
        "{\"kind\": \"loco\", \"set\": \"alpha\", \"n\": 67, \"roc_auc\": 0.61, \"macro_f1\": 0.5, \"ece\": 0.1}\n"
            + "{\"kind\": \"all-corpora:test\", \"set\": \"beta\", \"n\": 14, \"roc_auc\": 0.7}\n");
    Cli.Result r =
        expect(
            0,
            concat(
                concat(new String[] {"generalization"}, data()),
                concat(
                    new String[] {
                      "--peer",
                      peer.toString(),
                      "--json",
                      json.toString(),
                      "--report",
                      page.toString()
                    },
                    SMALL)));
    assertTrue(r.out().contains("Leave one corpus out"), r::toString);
    JsonNode x = Cli.json(Files.readString(json));
    assertEquals(3, x.get("holdout").size());
    JsonNode alpha = x.get("holdout").get(0);
    assertEquals("alpha", alpha.get("corpus").asText());
    // Every record of the held-out corpus is judged, whatever its split.
    assertEquals(67, alpha.get("n").asInt());
    for (String key :
        List.of(
            "fake_share", "macro_f1", "roc_auc", "ece", "macro_f1_at_true_rate", "roc_auc_ci")) {
      assertTrue(alpha.has(key), key);
    }
    assertEquals(0.61, alpha.get("peer").get("roc_auc").asDouble(), 1e-9);
    JsonNode app = alpha.get("applicability");
    assertTrue(app.get("auroc").asDouble() >= 0 && app.get("auroc").asDouble() <= 1);
    assertEquals(67, app.get("held_out").asInt());
    assertTrue(app.get("risk_coverage").size() > 0);
    assertTrue(alpha.get("source").has("coverage"));
    assertEquals(3, x.get("in_domain").size());
    JsonNode beta = x.get("in_domain").get(1);
    assertEquals("beta", beta.get("corpus").asText());
    assertTrue(beta.has("alone_roc_auc") && beta.has("ece_ci"));
    assertEquals(0.7, beta.get("peer_roc_auc").asDouble(), 1e-9);
    String html = Files.readString(page);
    assertTrue(html.contains("<h2>Leave one corpus out</h2>") && html.contains("alpha"), html);
  }

  @Test
  void experimentHoldsOutOneCorpus() throws IOException {
    Path json = dir.resolve("one.json");
    Cli.Result r =
        expect(
            0,
            concat(
                concat(new String[] {"experiment"}, data()),
                concat(
                    new String[] {
                      "--split-field",
                      "split",
                      "--holdout-corpus",
                      "gamma",
                      "--json",
                      json.toString()
                    },
                    SMALL)));
    assertTrue(r.outLines().get(0).startsWith("Held out gamma (66 records"), r::toString);
    ObjectNode x = (ObjectNode) Cli.json(Files.readString(json));
    assertEquals("gamma", x.get("holdout").get("corpus").asText());
    assertEquals(66, x.get("holdout").get("n").asInt());
  }

  @Test
  void refusesAnUnknownCorpusAndASingleOne() {
    Cli.Result r =
        expect(
            2,
            concat(
                concat(new String[] {"experiment"}, data()),
                concat(
                    new String[] {"--split-field", "split", "--holdout-corpus", "delta"}, SMALL)));
    assertTrue(r.err().contains("delta") && r.err().contains("alpha"), r::toString);
    Cli.Result one =
        expect(
            2,
            concat(
                new String[] {
                  "generalization", "--data", corpora.get(0).toString(), corpora.get(0).toString()
                },
                SMALL));
    assertTrue(one.err().contains("two corpora or more"), one::toString);
  }
}
