package dev.vera.claims;

import static dev.vera.claims.MatchTunerTest.RECORDS;
import static dev.vera.claims.MatchTunerTest.gold;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.embed.SentenceEncoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing the embeddings' weight in the matching, with the real encoder. */
class MatchTunerEmbeddingsTest {
  @Test
  void theEmbeddingsCountWhenTheyBeatBm25(@TempDir Path dir) throws Exception {
    FactCheckIndex.build(dir, RECORDS, List.of(), SentenceEncoder.bundled(), d -> {});
    List<GoldMatches.Query> queries =
        gold(
            "q1",
            "The number of killings in the Windy City went up twofold.",
            "valid",
            "crime",
            "q2",
            "Ohio taxes rose again.",
            "valid",
            "ohio");
    try (FactCheckIndex index = FactCheckIndex.open(dir)) {
      List<MatchTuner.Trial> trials = new ArrayList<>();
      double e = MatchTuner.chooseEmbeddingWeight(index, queries, 0, trials::add);
      assertEquals(
          List.of(0.25, 0.5, 0.75, 0.9, 1.0),
          trials.stream().map(MatchTuner.Trial::embeddingWeight).toList());
      assertEquals(1.0, trials.get(0).bySplit().get("valid").map5(), 1e-12);
      assertEquals(0.25, e);
      assertTrue(
          MatchEvaluation.ranking(index, queries, 0, 0).get("valid").map5() < 1.0,
          "BM25 alone misses the paraphrase");
    }
  }
}
