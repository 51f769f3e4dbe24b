package dev.vera.cli;

import static dev.vera.cli.Cli.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vera index build|eval and vera check --claims --index on written fixtures. */
class ClaimsCommandsTest {
  static final String FACTCHECKS =
      String.join(
          "\n",
          "{\"id\": \"fc-ohio\", \"claim\": \"Says unemployment in Ohio doubled since 2008.\","
              + " \"verdict\": \"mostly-false\", \"publisher\": \"Fact Desk\", \"url\":"
              + " \"https://factdesk.example/ohio\", \"date\": \"2012-05-01\"}",
          "{\"id\": \"fc-wind\", \"claim\": \"Wind power employs more people than coal.\","
              + " \"verdict\": \"true\", \"publisher\": \"Fact Desk\"}",
          "{\"id\": \"fc-tax\", \"claim\": \"Taxes rose 3 percent in Texas.\", \"verdict\":"
              + " \"false\", \"publisher\": \"Other Desk\", \"date\": \"yesterday\"}",
          "{\"id\": \"fc-coal\", \"claim\": \"Coal jobs in Kentucky fell by half.\", \"verdict\":"
              + " \"true\", \"publisher\": \"Fact Desk\"}",
          "");

  // Two queries per part. valid: q3 finds fc-wind first; q4 finds fc-coal first (fc-wind is
  // relevant at rank 2). test: q5 finds fc-ohio first; q6 finds nothing relevant.
  static final String GOLD =
      String.join(
          "\n",
          "{\"iclaim_id\": \"q1\", \"iclaim\": \"Wind power employs people.\", \"vclaim_id\":"
              + " \"fc-wind\", \"split\": \"train\"}",
          "{\"iclaim_id\": \"q3\", \"iclaim\": \"Wind power employs more people than coal does.\","
              + " \"vclaim_id\": \"fc-wind\", \"split\": \"valid\"}",
          "{\"iclaim_id\": \"q4\", \"iclaim\": \"Coal jobs fell in Kentucky, while wind grew.\","
              + " \"vclaim_id\": \"fc-wind\", \"split\": \"valid\"}",
          "{\"iclaim_id\": \"q5\", \"iclaim\": \"Ohio unemployment doubled.\", \"vclaim_id\":"
              + " \"fc-ohio\", \"split\": \"test\"}",
          "{\"iclaim_id\": \"q6\", \"iclaim\": \"Texas taxes went down.\", \"vclaim_id\":"
              + " \"fc-ohio\", \"split\": \"test\"}",
          "");

  @Test
  void buildsReportsBadRecordsEvaluatesAndChecks(@TempDir Path dir) throws IOException {
    Path fc = dir.resolve("factchecks.jsonl");
    Files.writeString(fc, FACTCHECKS, StandardCharsets.UTF_8);
    Path idx = dir.resolve("idx");
    Cli.Result built = expect(1, "index", "build", "--factchecks", fc.toString(), "--out", idx.toString());
    assertTrue(built.err().contains(fc + ":3: date must be YYYY-MM-DD, was 'yesterday'"), built::toString);
    assertTrue(built.out().contains("3 fact-checks, 1 rejected"), built::toString);

    Path gold = dir.resolve("gold.jsonl");
    Files.writeString(gold, GOLD, StandardCharsets.UTF_8);
    Cli.Result ev =
        expect(0, "index", "eval", "--index", idx.toString(), "--gold", gold.toString(), "--rounds", "1");
    // valid: q3 AP 1, q4 AP 1/2 → MAP@5 0.75; recall@1 0.5; recall@5 1.
    assertTrue(
        ev.out().contains("split=valid  queries=2    MAP@5 0.7500  recall@1 0.5000  recall@5 1.0000"),
        ev::toString);
    // test: q5 AP 1, q6 AP 0 → 0.5 everywhere.
    assertTrue(
        ev.out().contains("split=test   queries=2    MAP@5 0.5000  recall@1 0.5000  recall@5 0.5000"),
        ev::toString);
    assertTrue(ev.out().contains("recorded the headline and embedding weights and the threshold"), ev::toString);
    // The embeddings must beat BM25 on the validation queries to count; here they do not.
    assertTrue(ev.out().contains("chosen on split=valid (MAP@5): embedding weight 0.00"), ev::toString);
    // No headlines in the fixture: every weight ranks alike, and the tie keeps BM25 on claims.
    assertTrue(ev.out().contains("chosen on split=valid (MAP@5): headline weight 0.00"), ev::toString);

    Path article = dir.resolve("article.txt");
    Files.writeString(
        article,
        "Jobs report\n\nThank you all for coming tonight. Unemployment doubled to 14 percent in"
            + " Ohio since 2008, the governor said. We will win this together.\n");
    Cli.Result check =
        expect(0, "check", "--index", idx.toString(), "--min-score", "1", "-f", "jsonl", article.toString());
    JsonNode claims = check.jsonLines().get(0).path("claims");
    assertEquals(1, claims.size(), check::toString);
    assertEquals(
        "Unemployment doubled to 14 percent in Ohio since 2008, the governor said.",
        claims.get(0).path("sentence").asText());
    assertEquals("fc-ohio", claims.get(0).path("matches").get(0).path("id").asText(), check::toString);

    Cli.Result text = expect(0, "check", "--index", idx.toString(), "--min-score", "1", article.toString());
    assertTrue(text.out().contains("check-worthy sentences: 1"), text::toString);
    assertTrue(
        text.out().contains("Fact Desk: mostly-false (2012-05-01) \u201cSays unemployment in Ohio doubled since 2008.\u201d https://factdesk.example/ohio"),
        text::toString);
  }

  @Test
  void anIndexWithoutThresholdNeedsOne(@TempDir Path dir) throws IOException {
    Path fc = dir.resolve("f.jsonl");
    Files.writeString(fc, FACTCHECKS.lines().limit(2).reduce("", (a, b) -> a + b + "\n"));
    Path idx = dir.resolve("idx");
    expect(0, "index", "build", "--factchecks", fc.toString(), "--out", idx.toString());
    Path article = dir.resolve("a.txt");
    Files.writeString(article, "Unemployment doubled in Ohio since 2008.");
    Cli.Result r = expect(2, "check", "--index", idx.toString(), article.toString());
    assertTrue(r.err().contains("no similarity threshold yet"), r::toString);
    Cli.Result notIndex = expect(3, "check", "--index", dir.toString(), article.toString());
    assertTrue(notIndex.err().contains("not a Vera fact-check index"), notIndex::toString);
  }

  /** The real data: matching figures on CheckThat! 2021 2B, as the README reports them. */
  @Test
  void realDataMatchingFigures(@TempDir Path dir) {
    Path data = GossipCopDataTest.dataDirectory().resolve("politifact_factchecks");
    Assumptions.assumeTrue(
        Files.isRegularFile(data.resolve("factchecks.jsonl")),
        "fact-check data not found at " + data.toAbsolutePath() + "; set VERA_DATA to run this test");
    Path idx = dir.resolve("idx");
    Cli.Result b =
        expect(0, "index", "build", "--factchecks", data.resolve("factchecks.jsonl").toString(), "--out", idx.toString());
    assertTrue(b.out().contains("19250 fact-checks, 0 rejected"), b::toString);
    Cli.Result ev =
        expect(0, "index", "eval", "--index", idx.toString(), "--gold",
            data.resolve("claim_matches.jsonl").toString(), "--rounds", "1", "--no-record");
    List<String> test = ev.outLines().stream().filter(l -> l.contains("split=test")).toList();
    assertEquals(
        List.of(
            "    split=test   queries=79   MAP@5 0.3360  recall@1 0.2785  recall@5 0.4430",
            "    split=test   queries=79   MAP@5 0.3522  recall@1 0.3038  recall@5 0.4241",
            "    split=test   queries=79   MAP@5 0.3505  recall@1 0.2975  recall@5 0.4430",
            "    split=test   queries=79   MAP@5 0.2980  recall@1 0.2468  recall@5 0.3734",
            // Mixed with the embeddings' cosine at 0.25, 0.5, 0.75, 0.9, 1.
            "    split=test   queries=79   MAP@5 0.3770  recall@1 0.3291  recall@5 0.4557",
            "    split=test   queries=79   MAP@5 0.4086  recall@1 0.3608  recall@5 0.4684",
            "    split=test   queries=79   MAP@5 0.4304  recall@1 0.3987  recall@5 0.4684",
            "    split=test   queries=79   MAP@5 0.3928  recall@1 0.3354  recall@5 0.4684",
            "    split=test   queries=79   MAP@5 0.3272  recall@1 0.2722  recall@5 0.4114"),
        test,
        ev::toString);
    assertTrue(ev.out().contains("chosen on split=valid (MAP@5): headline weight 0.50"), ev::toString);
    assertTrue(ev.out().contains("chosen on split=valid (MAP@5): embedding weight 0.75"), ev::toString);
  }
}
