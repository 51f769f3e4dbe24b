package dev.vera.cli;

import static dev.vera.cli.Cli.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.article.Article;
import dev.vera.io.ArticleInputs;
import dev.vera.io.ReadOutcome;
import dev.vera.io.ReaderOptions;
import dev.vera.model.CredibilityModel;
import dev.vera.model.ScoringOptions;
import dev.vera.model.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vera scan}'s count of articles outside the model's experience: news articles mixed with
 * texts unlike any news (a changelog, a recipe, a knitting pattern, a proof, a code snippet) and a
 * broken record, scanned with the bundled model. The summary JSON, the HTML report and the text
 * summary count exactly the articles the model's own {@code predict} flags, and so does the summary
 * of a resumed finished scan, which is rebuilt from the output's lines.
 */
class ScanOutsideExperienceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Texts unlike the news the bundled model was trained on, by id. */
  static final String[][] UNLIKE_NEWS = {
    {
      "changelog",
      "Release 2.4.1",
      "Fixed: segfault when parsing empty YAML files. Fixed: --verbose flag ignored in subcommands."
          + " Changed: bumped minimum supported Rust version to 1.70. Added: support for TOML"
          + " configuration files via the --config option. Deprecated: the legacy INI loader will be"
          + " removed in 3.0. Internal: refactored the tokenizer module and upgraded serde to"
          + " 1.0.190. Docs: corrected the installation instructions for Windows."
    },
    {
      "recipe",
      "Lemon Garlic Roast Chicken",
      "Preheat the oven to 220C. Pat the chicken dry with kitchen paper and rub it all over with"
          + " olive oil, salt and pepper. Halve the lemon and push it into the cavity with the garlic"
          + " cloves and a few sprigs of thyme. Roast for 20 minutes, then turn the oven down to 180C"
          + " and roast for a further hour, basting twice with the pan juices. Rest for 15 minutes"
          + " under foil before carving. Whisk a tablespoon of flour into the juices, add 300ml stock"
          + " and simmer until thickened for the gravy."
    },
    {
      "knitting",
      "Simple Ribbed Hat Pattern",
      "Cast on 96 stitches using 4mm circular needles. Join in the round, being careful not to"
          + " twist. Work k2, p2 rib for 8cm. Switch to stockinette and knit every round until the"
          + " hat measures 18cm from the cast on edge. Crown decreases: round 1, k6, k2tog to end."
          + " Round 2 and every even round, knit. Round 3, k5, k2tog to end. Continue until 12"
          + " stitches remain. Break yarn, thread through remaining stitches and pull tight."
    },
    {
      "proof",
      "Lemma 3.2",
      "Let f be a continuous function on the closed interval [a, b] and differentiable on the open"
          + " interval (a, b). Then there exists a point c in (a, b) such that f'(c) equals the"
          + " difference quotient of f over the interval. Proof. Define g(x) as f(x) minus the"
          + " secant line through the endpoints. Then g is continuous and differentiable, and g(a) ="
          + " g(b). By Rolle's theorem there is c with g'(c) = 0, which gives the claim."
    },
    {
      "code",
      "",
      "public static int gcd(int a, int b) { while (b != 0) { int t = b; b = a % b; a = t; } return"
          + " a; } // returns the greatest common divisor; call gcd(12, 18) to get 6. Compile with"
          + " javac Gcd.java and run with java Gcd."
    },
  };

  @TempDir Path dir;

  /** News from the fixture corpus with the unlike texts and one broken record between them. */
  private Path input() throws IOException {
    List<ObjectNode> news = ScanInputs.corpus();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      ObjectNode a = news.get(i).deepCopy();
      a.put("id", "news-" + i);
      lines.add(JSON.writeValueAsString(a));
      if (i % 6 == 2) {
        String[] u = UNLIKE_NEWS[i / 6];
        ObjectNode n = JSON.createObjectNode().put("id", u[0]).put("title", u[1]).put("text", u[2]);
        lines.add(JSON.writeValueAsString(n));
      }
      if (i == 10) {
        lines.add("{\"id\":\"broken\",\"title\":\"cut off");
      }
    }
    return Files.write(dir.resolve("in.jsonl"), lines, StandardCharsets.UTF_8);
  }

  private static String outsideLine(long outside, long judged) {
    return String.format(
        Locale.ROOT,
        "vera scan: %,d of %,d judged articles (%.1f%%) are outside Vera's experience"
            + " (unlike anything it was trained on): trust their verdicts less",
        outside,
        judged,
        100.0 * outside / judged);
  }

  @Test
  void theSummaryCountsExactlyTheArticlesThePredictionsFlag() throws Exception {
    Path input = input();
    // What the bundled model says of each article Vera's reader makes of the input.
    CredibilityModel model = ModelOption.load(Path.of("fast"));
    Set<String> flagged = new TreeSet<>();
    int judged = 0;
    for (ReadOutcome o : ArticleInputs.readAll(input, ReaderOptions.defaults())) {
      if (o instanceof ReadOutcome.Parsed p) {
        Article a = p.article();
        Verdict v = model.predict(a, ScoringOptions.DEFAULT);
        assertTrue(v.applicability() != null, "the bundled model measures applicability");
        judged++;
        if (v.applicability().outsideExperience()) {
          flagged.add(a.id());
        }
      }
    }
    assertEquals(30 + UNLIKE_NEWS.length, judged);
    for (String[] u : UNLIKE_NEWS) {
      assertTrue(
          flagged.contains(u[0]),
          u[0] + " should be outside the bundled model's experience: " + flagged);
    }
    assertTrue(
        flagged.size() < judged, "some articles must be inside the model's experience: " + flagged);

    Path out = dir.resolve("out.jsonl");
    Path summary = dir.resolve("summary.json");
    Path report = dir.resolve("summary.html");
    String[] args = {
      "scan",
      "--model",
      "fast",
      "--out",
      out.toString(),
      "--summary",
      summary.toString(),
      "--report",
      report.toString(),
      "--threads",
      "2",
      "-q",
      input.toString()
    };
    Cli.Result r = expect(VeraCommand.EXIT_SOME_RECORDS_FAILED, args);

    // Each verdict line carries the flag predict gave its article.
    Set<String> flaggedInOutput = new TreeSet<>();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      JsonNode v = JSON.readTree(line);
      if (v.path("applicability").path("outside_experience").asBoolean()) {
        flaggedInOutput.add(v.path("id").asText());
      }
    }
    assertEquals(flagged, flaggedInOutput);

    JsonNode s = Cli.json(Files.readString(summary));
    assertEquals(judged + 1, s.path("records").asLong());
    assertEquals(1, s.path("failed").asLong());
    assertEquals(flagged.size(), s.path("outside_experience").asLong(), s::toString);
    // No --threshold: each verdict has its own, so none is claimed; the base rate is the model's.
    assertTrue(s.path("threshold").isNull(), s::toString);
    assertEquals(
        model.scope().mix().referenceRate(), s.path("base_rate").asDouble(), 1e-12, s::toString);
    assertEquals(judged, s.path("applicability_assessed").asLong(), s::toString);
    assertTrue(r.err().lines().toList().contains(outsideLine(flagged.size(), judged)), r::toString);
    String html = Files.readString(report);
    assertTrue(
        html.contains(
            "<div class=\"card\"><div>outside experience</div><div class=\"v\">"
                + flagged.size()
                + "</div></div>"),
        html);

    // A resumed finished scan rebuilds its summary from the output lines: the same count.
    Path again = dir.resolve("summary-again.json");
    args[6] = again.toString();
    List<String> resume = new ArrayList<>(List.of(args));
    resume.add(1, "--resume");
    Cli.Result resumed =
        expect(VeraCommand.EXIT_SOME_RECORDS_FAILED, resume.toArray(String[]::new));
    JsonNode s2 = Cli.json(Files.readString(again));
    assertEquals(flagged.size(), s2.path("outside_experience").asLong(), s2::toString);
    assertEquals(judged, s2.path("applicability_assessed").asLong(), s2::toString);
    assertTrue(
        resumed.err().lines().toList().contains(outsideLine(flagged.size(), judged)),
        resumed::toString);
  }
}
