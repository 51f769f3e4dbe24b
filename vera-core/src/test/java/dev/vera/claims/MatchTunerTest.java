package dev.vera.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing the matching on a small gold set, and measuring an index with it. */
class MatchTunerTest {
  /**
   * The short Ohio claim outranks the Texas one on "taxes" by BM25 on the claim; only the headlines
   * name Texas. The Chicago claim shares no word with its paraphrase.
   */
  static final List<FactCheck> RECORDS =
      List.of(
          new FactCheck("ohio", "Ohio taxes rose.", "true", "X", null, null, null, "Ohio budget"),
          new FactCheck(
              "texas",
              "Taxes rose three percent in the state last year.",
              "false",
              "X",
              null,
              null,
              null,
              "Texas tax claim"),
          new FactCheck(
              "crime",
              "Murders in Chicago have doubled since 2015.",
              "false",
              "X",
              null,
              null,
              null,
              "Chicago crime"),
          new FactCheck(
              "film",
              "The actor won two Oscars for the same role.",
              "false",
              "X",
              null,
              null,
              null,
              "Oscars claim"));

  static List<GoldMatches.Query> gold(String... idTextSplitRelevant) {
    List<GoldMatches.Query> out = new ArrayList<>();
    for (int i = 0; i < idTextSplitRelevant.length; i += 4) {
      out.add(
          new GoldMatches.Query(
              idTextSplitRelevant[i],
              idTextSplitRelevant[i + 1],
              idTextSplitRelevant[i + 2],
              Set.of(idTextSplitRelevant[i + 3])));
    }
    return out;
  }

  static final List<GoldMatches.Query> TEXAS =
      gold(
          "q1",
          "Texas taxes went up.",
          "valid",
          "texas",
          "q2",
          "Ohio taxes rose again.",
          "valid",
          "ohio",
          "q3",
          "Texas taxes rose, they say.",
          "test",
          "texas");

  @Test
  void theHeadlineWeightIsTheFirstThatRanksBest(@TempDir Path dir) throws Exception {
    FactCheckIndex.build(dir, RECORDS, List.of());
    try (FactCheckIndex index = FactCheckIndex.open(dir)) {
      List<MatchTuner.Trial> trials = new ArrayList<>();
      double w = MatchTuner.chooseTitleWeight(index, TEXAS, trials::add);
      assertEquals(
          FactCheckIndex.TITLE_WEIGHTS,
          trials.stream().map(MatchTuner.Trial::titleWeight).toList());
      // By the claim alone, q1 finds the Texas fact-check second: MAP@5 (1/2 + 1) / 2.
      assertEquals(0.75, trials.get(0).bySplit().get("valid").map5(), 1e-12);
      assertEquals(1.0, trials.get(1).bySplit().get("valid").map5(), 1e-12);
      assertEquals(0.25, w, "the smallest weight that ranks best: ties keep the simpler ranking");
      assertEquals(Set.of("valid", "test"), trials.get(0).bySplit().keySet());
      assertEquals(1, trials.get(0).bySplit().get("test").queries());
      // Without embeddings there is no mix to try.
      assertEquals(0.0, MatchTuner.chooseEmbeddingWeight(index, TEXAS, w, t -> trials.add(t)));
      assertEquals(4, trials.size());
    }
  }

  @Test
  void theThresholdShowsTheRightTopHitsAndNotTheWrong(@TempDir Path dir) throws Exception {
    FactCheckIndex.build(dir, RECORDS, List.of());
    List<GoldMatches.Query> queries =
        gold(
            "q1",
            "Texas taxes went up.",
            "valid",
            "texas",
            "q2",
            "Ohio taxes rose again.",
            "valid",
            "ohio",
            // Its fact-check is not in the index: the Ohio claim comes first on "rose", wrongly.
            "q3",
            "Rose gardens.",
            "valid",
            "unknown",
            "q4",
            "Zebras.",
            "valid",
            "ohio");
    try (FactCheckIndex index = FactCheckIndex.open(dir)) {
      double min = MatchTuner.chooseMinScore(index, queries, 0.25, 0);
      MatchSettings s = new MatchSettings(0.25, 0, min);
      Map<String, MatchEvaluation.ShownHits> shown =
          MatchEvaluation.shownTopHits(index, queries, s);
      MatchEvaluation.ShownHits valid = shown.get("valid");
      assertEquals(4, valid.queries());
      assertEquals(2, valid.correct());
      assertEquals(2, valid.shown(), "q3's wrong hit scores less than the right ones: not shown");
      assertEquals(1.0, valid.precision());
      assertEquals(0.5, valid.recall());
      // Below the chosen threshold, the wrong hit shows too.
      MatchEvaluation.ShownHits lower =
          MatchEvaluation.shownTopHits(index, queries, new MatchSettings(0.25, 0, 0)).get("valid");
      assertEquals(3, lower.shown());
      assertTrue(lower.f1() < valid.f1());
    }
  }

  @Test
  void choosingNeedsAValidSplit(@TempDir Path dir) throws Exception {
    FactCheckIndex.build(dir, RECORDS, List.of());
    try (FactCheckIndex index = FactCheckIndex.open(dir)) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  MatchTuner.chooseTitleWeight(
                      index, gold("q", "Ohio taxes", "test", "ohio"), t -> {}));
      assertEquals("no split=valid queries to choose the ranking on", e.getMessage());
    }
  }

  @Test
  void goldPairsAreGroupedBySentenceAndBadLinesNamed(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("gold.jsonl");
    Files.writeString(
        f,
        String.join(
            "\n",
            "{\"iclaim_id\": \"s1\", \"iclaim\": \"Taxes rose.\", \"vclaim_id\": \"a\", \"split\": \"valid\"}",
            "not json",
            "{\"iclaim_id\": \"s2\", \"iclaim\": \"Jobs fell.\", \"vclaim_id\": \"c\", \"split\": \"test\"}",
            "{\"iclaim_id\": \"s1\", \"iclaim\": \"Taxes rose.\", \"vclaim_id\": \"b\", \"split\": \"valid\"}",
            "{\"iclaim_id\": \"s3\", \"iclaim\": \"\", \"vclaim_id\": \"d\", \"split\": \"test\"}",
            ""),
        StandardCharsets.UTF_8);
    List<String> problems = new ArrayList<>();
    List<GoldMatches.Query> q = GoldMatches.read(f, problems::add);
    assertEquals(
        List.of(
            new GoldMatches.Query("s1", "Taxes rose.", "valid", Set.of("a", "b")),
            new GoldMatches.Query("s2", "Jobs fell.", "test", Set.of("c"))),
        q);
    assertEquals(
        List.of(f + ":2: not JSON", f + ":5: needs iclaim_id, iclaim, vclaim_id and split"),
        problems);
  }
}
