package dev.vera.cli;

import static dev.vera.cli.Cli.expect;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vera.claims.FactCheckIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vera index build|tune|eval and vera check --claims --index on written fixtures. */
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

  /**
   * A debate sentence (CheckThat! 2021 2B, train) with a PolitiFact fact-check, which the bundled
   * check-worthiness model scores under its cut.
   */
  static final String UNDER_THE_CUT =
      "I went to the Olympics that was out of balance, and we got it on balance and made a success"
          + " there.";

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
  void buildsReportsBadRecordsTunesEvaluatesAndChecks(@TempDir Path dir) throws IOException {
    Path fc = dir.resolve("factchecks.jsonl");
    Files.writeString(fc, FACTCHECKS, StandardCharsets.UTF_8);
    Path idx = dir.resolve("idx");
    Cli.Result built =
        expect(1, "index", "build", "--factchecks", fc.toString(), "--out", idx.toString());
    assertTrue(
        built.err().contains(fc + ":3: date must be YYYY-MM-DD, was 'yesterday'"), built::toString);
    assertTrue(built.out().contains("3 fact-checks, 1 rejected"), built::toString);
    assertTrue(
        built
            .out()
            .contains(
                "default matching recorded: headline weight 0.50, embedding weight 0.75, similarity threshold 0.624"),
        built::toString);

    Path gold = dir.resolve("gold.jsonl");
    Files.writeString(gold, GOLD, StandardCharsets.UTF_8);
    Cli.Result tuned =
        expect(
            0,
            "index",
            "tune",
            "--index",
            idx.toString(),
            "--gold",
            gold.toString(),
            "--rounds",
            "1");
    // valid: q3 AP 1, q4 AP 1/2 → MAP@5 0.75; recall@1 0.5; recall@5 1.
    assertTrue(
        tuned
            .out()
            .contains("split=valid  queries=2    MAP@5 0.7500  recall@1 0.5000  recall@5 1.0000"),
        tuned::toString);
    // test: q5 AP 1, q6 AP 0 → 0.5 everywhere.
    assertTrue(
        tuned
            .out()
            .contains("split=test   queries=2    MAP@5 0.5000  recall@1 0.5000  recall@5 0.5000"),
        tuned::toString);
    assertTrue(
        tuned.out().contains("recorded the headline and embedding weights and the threshold"),
        tuned::toString);
    // The embeddings must beat BM25 on the validation queries to count; here they do not.
    assertTrue(
        tuned.out().contains("chosen on split=valid (MAP@5): embedding weight 0.00"),
        tuned::toString);
    // No headlines in the fixture: every weight ranks alike, and the tie keeps BM25 on claims.
    assertTrue(
        tuned.out().contains("chosen on split=valid (MAP@5): headline weight 0.00"),
        tuned::toString);

    // eval measures the index as tune left it, and changes nothing.
    byte[] manifest = Files.readAllBytes(idx.resolve(FactCheckIndex.MANIFEST));
    Cli.Result ev =
        expect(
            0,
            "index",
            "eval",
            "--index",
            idx.toString(),
            "--gold",
            gold.toString(),
            "--rounds",
            "1");
    assertArrayEquals(manifest, Files.readAllBytes(idx.resolve(FactCheckIndex.MANIFEST)));
    assertTrue(ev.out().contains("headline weight 0.00, embedding weight 0.00"), ev::toString);
    assertTrue(ev.out().contains("(" + gold + " split=valid)"), ev::toString);
    assertTrue(
        ev.out()
            .contains("split=valid  queries=2    MAP@5 0.7500  recall@1 0.5000  recall@5 1.0000"),
        ev::toString);
    // The threshold was chosen to show q3's right top hit and not q4's wrong one.
    assertTrue(
        ev.out()
            .contains(
                "split=valid  queries=2    shown 1    correct 1    precision 1.0000  recall 0.5000  F1 0.6667"),
        ev::toString);
    assertTrue(
        ev.out().contains("reported by 'vera check --index' with a gold fact-check"), ev::toString);

    Path article = dir.resolve("article.txt");
    Files.writeString(
        article,
        "Jobs report\n\nThank you all for coming tonight. Unemployment doubled to 14 percent in"
            + " Ohio since 2008, the governor said. We will win this together.\n");
    Cli.Result check =
        expect(
            0,
            "check",
            "--index",
            idx.toString(),
            "--min-score",
            "1",
            "-f",
            "jsonl",
            article.toString());
    JsonNode claims = check.jsonLines().get(0).path("claims");
    assertEquals(1, claims.size(), check::toString);
    assertEquals(
        "Unemployment doubled to 14 percent in Ohio since 2008, the governor said.",
        claims.get(0).path("sentence").asText());
    assertTrue(claims.get(0).path("check_worthy").asBoolean(), check::toString);
    assertEquals(
        "fc-ohio", claims.get(0).path("matches").get(0).path("id").asText(), check::toString);

    Cli.Result text =
        expect(0, "check", "--index", idx.toString(), "--min-score", "1", article.toString());
    assertTrue(text.out().contains("check-worthy sentences: 1 (P ≥ "), text::toString);
    assertTrue(
        text.out()
            .contains(
                "Fact Desk: mostly-false (2012-05-01) \u201cSays unemployment in Ohio doubled since 2008.\u201d https://factdesk.example/ohio"),
        text::toString);
  }

  /**
   * A built index works without a gold set (its default threshold), and a sentence the
   * check-worthiness model passes over is reported for the fact-check it matches.
   */
  @Test
  void aBuiltIndexChecksAtOnceAndReportsMatchesUnderTheCut(@TempDir Path dir) throws IOException {
    Path fc = dir.resolve("f.jsonl");
    Files.writeString(
        fc,
        FACTCHECKS.lines().limit(2).reduce("", (a, b) -> a + b + "\n")
            + "{\"id\": \"fc-olympics\", \"claim\": \"\\\"I went to the Olympics that was out of"
            + " balance, and we got it on balance.\\\"\", \"verdict\": \"mostly-true\", \"publisher\":"
            + " \"Fact Desk\"}\n");
    Path idx = dir.resolve("idx");
    expect(0, "index", "build", "--factchecks", fc.toString(), "--out", idx.toString());
    Path article = dir.resolve("a.txt");
    Files.writeString(article, UNDER_THE_CUT + " Unemployment doubled in Ohio since 2008.");
    Cli.Result r = expect(0, "check", "--index", idx.toString(), "-f", "jsonl", article.toString());
    JsonNode claims = r.jsonLines().get(0).path("claims");
    assertEquals(2, claims.size(), r::toString);
    JsonNode olympics = claims.get(0);
    assertEquals(UNDER_THE_CUT, olympics.path("sentence").asText());
    assertFalse(olympics.path("check_worthy").asBoolean(), r::toString);
    assertEquals("fc-olympics", olympics.path("matches").get(0).path("id").asText(), r::toString);
    assertTrue(claims.get(1).path("check_worthy").asBoolean(), r::toString);
    assertEquals("fc-ohio", claims.get(1).path("matches").get(0).path("id").asText(), r::toString);

    Cli.Result text = expect(0, "check", "--index", idx.toString(), article.toString());
    assertTrue(
        text.out()
            .contains(
                "check-worthy sentences: 1 (P ≥ 0.403); 1 more matching a published fact-check"),
        text::toString);
    assertTrue(text.out().contains("(under the cut; listed for its fact-check)"), text::toString);

    Cli.Result notIndex = expect(3, "check", "--index", dir.toString(), article.toString());
    assertTrue(notIndex.err().contains("not a Vera fact-check index"), notIndex::toString);
  }
}
