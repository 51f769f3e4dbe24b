package dev.vera.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.model.ProgressListener;
import dev.vera.model.TrainingEnvironment;
import dev.vera.model.TrainingSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which sentences the checker reports: the check-worthy ones, and any close to a fact-check. */
class ClaimCheckerTest {
  static final String CLAIM = "My opponent voted 85 times to raise taxes.";
  static final String CHECKED = "I think gas prices is something we need to talk about.";
  static final String COURTESY = "Let me thank everyone here.";
  static final String TEXT = CLAIM + " " + CHECKED + " " + COURTESY;

  static CheckWorthinessModel model;

  @BeforeAll
  static void train() throws Exception {
    ClaimbusterData.Parts parts = ClaimbusterData.read(CheckWorthinessModelTest.fixture(), p -> {});
    model =
        CheckWorthinessModel.train(
            new TrainingSet(parts.train(), parts.valid(), parts.test(), List.of(), "split"),
            CheckWorthinessModelTest.config(),
            TrainingEnvironment.defaults(),
            ProgressListener.NONE);
  }

  private static FactCheckIndex index(Path dir) throws Exception {
    FactCheckIndex.build(
        dir,
        List.of(
            new FactCheck(
                "fc-gas",
                "Says gas prices are something we need to talk about.",
                "half-true",
                "X",
                null,
                null,
                null),
            new FactCheck(
                "fc-wind",
                "Wind power employs more people than coal.",
                "true",
                "X",
                null,
                null,
                null)),
        List.of());
    return FactCheckIndex.open(dir);
  }

  @Test
  void aSentenceUnderTheCutIsReportedForItsFactCheck(@TempDir Path dir) throws Exception {
    assertTrue(model.probability(CLAIM) >= model.threshold(), "the fixture's premise");
    assertTrue(model.probability(CHECKED) < model.threshold(), "the fixture's premise");
    try (FactCheckIndex index = index(dir)) {
      List<CheckedClaim> claims = new ClaimChecker(model, index, 1.0).check(TEXT);
      assertEquals(List.of(CLAIM, CHECKED), claims.stream().map(c -> c.sentence().text()).toList());
      assertTrue(claims.get(0).checkWorthy());
      assertEquals(List.of(), claims.get(0).matches());
      assertFalse(claims.get(1).checkWorthy());
      assertEquals(model.probability(CHECKED), claims.get(1).probability(), 0.0);
      assertEquals("fc-gas", claims.get(1).matches().get(0).factCheck().id());
      assertEquals(TEXT.indexOf(CHECKED), claims.get(1).sentence().start());

      // Above every score, the threshold leaves the check-worthy sentence alone.
      List<CheckedClaim> strict = new ClaimChecker(model, index, 1e9).check(TEXT);
      assertEquals(List.of(CLAIM), strict.stream().map(c -> c.sentence().text()).toList());
    }
  }

  @Test
  void withoutAnIndexOnlyCheckWorthySentences() {
    List<CheckedClaim> claims = new ClaimChecker(model, null, null).check(TEXT);
    assertEquals(List.of(CLAIM), claims.stream().map(c -> c.sentence().text()).toList());
  }

  @Test
  void aBuiltIndexCarriesADefaultThreshold(@TempDir Path dir) throws Exception {
    try (FactCheckIndex index = index(dir)) {
      assertEquals(MatchSettings.DEFAULT_BM25, index.settings());
      assertEquals(
          MatchSettings.DEFAULT_BM25.minScore(), new ClaimChecker(model, index, null).minScore());
    }
  }

  @Test
  void anIndexWithoutThresholdNeedsOne(@TempDir Path dir) throws Exception {
    index(dir).close();
    // As an older Vera built it: no threshold recorded.
    Path manifest = dir.resolve(FactCheckIndex.MANIFEST);
    Files.writeString(
        manifest,
        Files.readString(manifest).replaceAll("\"min_score\" : [0-9.]+", "\"min_score\" : null"));
    try (FactCheckIndex index = FactCheckIndex.open(dir)) {
      assertNull(index.settings());
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> new ClaimChecker(model, index, null));
      assertTrue(e.getMessage().contains("rebuild it with 'vera index build'"), e.getMessage());
      assertEquals(1.5, new ClaimChecker(model, index, 1.5).minScore());
    }
  }
}
