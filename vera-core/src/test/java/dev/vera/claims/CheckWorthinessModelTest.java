package dev.vera.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.article.Article;
import dev.vera.eval.Evaluation;
import dev.vera.model.LinearTrainer;
import dev.vera.model.ProgressListener;
import dev.vera.model.TrainingConfig;
import dev.vera.model.TrainingEnvironment;
import dev.vera.model.TrainingSet;
import dev.vera.model.io.ModelFile;
import dev.vera.text.FeatureConfig;
import dev.vera.text.FeatureSpace;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains on a written fixture of debate-like sentences (statistics versus courtesies). */
class CheckWorthinessModelTest {
  static ClaimbusterData.Parts parts;
  static List<String> problems = new ArrayList<>();
  static CheckWorthinessModel model;

  static Path fixture() throws URISyntaxException {
    return Path.of(CheckWorthinessModelTest.class.getResource("sentences.jsonl").toURI());
  }

  static TrainingConfig config() {
    return TrainingConfig.defaults()
        .withName("vera-claims-test")
        .withFeatures(
            new FeatureConfig(
                14, List.of(FeatureSpace.BODY_WORDS, FeatureSpace.BODY_CHARS), 2, 3, 5, 1, false))
        .withCGrid(List.of(1.0, 4.0));
  }

  @BeforeAll
  static void train() throws Exception {
    parts = ClaimbusterData.read(fixture(), problems::add);
    model =
        CheckWorthinessModel.train(
            new TrainingSet(parts.train(), parts.valid(), parts.test(), List.of(), "split"),
            config(),
            TrainingEnvironment.defaults(),
            ProgressListener.NONE);
  }

  @Test
  void readsThePartsAndNamesBadLines() {
    assertEquals(40, parts.train().size());
    assertEquals(16, parts.valid().size());
    assertEquals(8, parts.test().size());
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).endsWith(":65: label must be 'check-worthy' or 'not', was ''"),
        problems.get(0));
    assertTrue(problems.get(1).contains(":66: not a JSON object"), problems.get(1));
  }

  @Test
  void separatesStatisticsFromCourtesiesOnHeldOutSentences() {
    Evaluation test = model.evaluate(parts.test(), model.threshold());
    var cw = test.perClass(CheckWorthinessModel.CHECK_WORTHY);
    assertEquals(1.0, test.prAuc(), 1e-9);
    assertEquals(1.0, cw.recall(), 1e-9);
    assertTrue(model.probability("Gas prices rose by 40 percent in 2011.") >= model.threshold());
    assertTrue(model.probability("Thank you, Lester.") < model.threshold());
    assertTrue(model.card().test() != null);
  }

  @Test
  void roundTripsThroughTheModelFileAndRefusesACredibilityModel(@TempDir Path dir)
      throws IOException {
    Path f = dir.resolve("claims.vera");
    model.write(f);
    CheckWorthinessModel back = CheckWorthinessModel.read(f);
    String s = "Unemployment fell 8 percent in 1999.";
    assertEquals(model.probability(s), back.probability(s), 0.0);
    assertEquals(model.threshold(), back.threshold(), 0.0);

    // The same file format under a credibility model's name is refused with a clear message.
    Path other = dir.resolve("other.vera");
    Files.write(other, Files.readAllBytes(f));
    var credibility =
        new LinearTrainer(config().withName("vera-fast"))
            .train(
                new TrainingSet(parts.train(), parts.valid(), List.of(), List.of(), "split")
                    .withoutHeldOutDuplicates(),
                ProgressListener.NONE);
    ModelFile.write(credibility, other);
    IOException e = assertThrows(IOException.class, () -> CheckWorthinessModel.read(other));
    assertTrue(e.getMessage().contains("not a check-worthiness model"), e.getMessage());
  }

  @Test
  void anArticleLabelIsOnlyCheckWorthyOrNot() {
    for (Article a : parts.train()) {
      assertTrue(
          a.label() == CheckWorthinessModel.CHECK_WORTHY || a.label() == CheckWorthinessModel.NOT);
    }
  }
}
