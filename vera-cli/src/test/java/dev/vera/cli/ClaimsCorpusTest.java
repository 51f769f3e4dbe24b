package dev.vera.cli;

import static dev.vera.cli.Cli.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.claims.FactCheckIndex;
import dev.vera.claims.MatchSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real data: matching figures on CheckThat! 2021 2B as docs/claims.md reports them, and the
 * defaults {@code vera index build} records are what {@code vera index tune} chooses there. Builds
 * the 19,250-claim index with its embeddings: minutes, so tagged {@code corpus}.
 */
@Tag("corpus")
class ClaimsCorpusTest {
  @TempDir static Path dir;
  static final Path data = GossipCopDataTest.dataDirectory().resolve("politifact_factchecks");

  // Per test, not @BeforeAll: surefire reports a class aborted there as 0 tests, without the
  // reason.
  @BeforeEach
  void needsTheData() {
    Assumptions.assumeTrue(
        Files.isRegularFile(data.resolve("factchecks.jsonl")),
        "fact-check data not found at "
            + data.toAbsolutePath()
            + "; set VERA_DATA to run this test");
  }

  private static Path build(String name, String... options) {
    Path idx = dir.resolve(name);
    List<String> args =
        new ArrayList<>(
            List.of(
                "index",
                "build",
                "--factchecks",
                data.resolve("factchecks.jsonl").toString(),
                "--out",
                idx.toString()));
    args.addAll(List.of(options));
    Cli.Result b = expect(0, args.toArray(String[]::new));
    assertTrue(b.out().contains("19250 fact-checks, 0 rejected"), b::toString);
    return idx;
  }

  private static Cli.Result tune(Path idx) {
    return expect(
        0,
        "index",
        "tune",
        "--index",
        idx.toString(),
        "--gold",
        data.resolve("claim_matches.jsonl").toString(),
        "--rounds",
        "1");
  }

  /** The manifest's settings, read back as the index holds them. */
  private static MatchSettings settings(Path idx) throws IOException {
    try (FactCheckIndex index = FactCheckIndex.open(idx)) {
      return index.settings();
    }
  }

  @Test
  void embeddedIndexFiguresAndItsDefaults() throws IOException {
    Path idx = build("embedded");
    assertEquals(MatchSettings.DEFAULT_WITH_EMBEDDINGS, settings(idx));
    Cli.Result tuned = tune(idx);
    List<String> test = tuned.outLines().stream().filter(l -> l.contains("split=test")).toList();
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
        tuned::toString);
    // What tune chooses on split=valid is what build records by default (to the printed digits).
    MatchSettings chosen = settings(idx);
    assertEquals(MatchSettings.DEFAULT_WITH_EMBEDDINGS.titleWeight(), chosen.titleWeight());
    assertEquals(MatchSettings.DEFAULT_WITH_EMBEDDINGS.embeddingWeight(), chosen.embeddingWeight());
    assertEquals(
        MatchSettings.DEFAULT_WITH_EMBEDDINGS.minScore(), chosen.minScore(), 5e-4, tuned::toString);

    Cli.Result ev =
        expect(
            0,
            "index",
            "eval",
            "--index",
            idx.toString(),
            "--gold",
            data.resolve("claim_matches.jsonl").toString(),
            "--rounds",
            "1");
    List<String> reported =
        ev.outLines().stream()
            .filter(l -> l.contains("reported ") && l.contains("split="))
            .toList();
    assertEquals(List.of(EMBEDDED_REPORTED), reported, ev::toString);
  }

  @Test
  void bm25IndexDefaults() throws IOException {
    Path idx = build("bm25", "--no-embeddings");
    assertEquals(MatchSettings.DEFAULT_BM25, settings(idx));
    Cli.Result tuned = tune(idx);
    MatchSettings chosen = settings(idx);
    assertEquals(MatchSettings.DEFAULT_BM25.titleWeight(), chosen.titleWeight(), tuned::toString);
    assertEquals(0.0, chosen.embeddingWeight());
    assertEquals(MatchSettings.DEFAULT_BM25.minScore(), chosen.minScore(), 5e-4, tuned::toString);
  }

  /**
   * The gold sentences 'vera check --index' reports with a gold fact-check, per split, and how many
   * of them only because a sentence under the check-worthiness cut is looked up too.
   */
  static final String[] EMBEDDED_REPORTED = {
    "    split=train  queries=472  reported 256  of them under the check-worthiness cut 67",
    "    split=valid  queries=119  reported 47   of them under the check-worthiness cut 21",
    "    split=test   queries=79   reported 29   of them under the check-worthiness cut 10"
  };
}
