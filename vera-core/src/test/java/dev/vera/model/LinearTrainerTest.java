package dev.vera.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.article.Article;
import dev.vera.article.Label;
import dev.vera.eval.Evaluation;
import dev.vera.testing.FixtureCorpus;
import dev.vera.testing.FixtureModels;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LinearTrainerTest {
  private static List<Article> corpus;
  private static TrainingSet set;
  private static CredibilityModel model;

  @BeforeAll
  static void train() {
    corpus = FixtureCorpus.articles();
    set = FixtureModels.trainingSet();
    model = FixtureModels.train();
  }

  /** The model must learn the style difference: far better than always saying "real". */
  @Test
  void beatsTheMajorityBaselineOnTheTestPart() {
    List<Article> test = FixtureCorpus.part(corpus, "test");
    Evaluation e =
        ModelEvaluation.evaluate(
            model, test, ScoringOptions.DEFAULT, Label.REAL, false, ProgressListener.NONE);

    assertEquals(FixtureCorpus.TEST, e.n());
    // Always "real" on 24 real and 16 fake: F1 real 0.75, F1 fake 0, macro-F1 0.375.
    assertEquals(0.375, e.baseline().macroF1(), 1e-12);
    // The fixture is built to overlap (a small model scores about 0.8): far above, not perfect.
    assertTrue(e.macroF1() >= 0.7, "test macro-F1 " + e.macroF1());
    assertTrue(e.rocAuc() >= 0.8, "test ROC-AUC " + e.rocAuc());
  }

  /** Same data and settings, same model: nothing may depend on thread scheduling or time. */
  @Test
  void trainingIsDeterministic() {
    CredibilityModel again = FixtureModels.train();

    assertArrayEquals(model.weights(), again.weights());
    assertEquals(model.intercept(), again.intercept());
    assertEquals(model.calibrator(), again.calibrator());
    assertEquals(model.combiner(), again.combiner());
    assertArrayEquals(model.vectorizer().idf(), again.vectorizer().idf());
    assertArrayEquals(model.trainingHashes(), again.trainingHashes());
    assertEquals(model.card().modelId(), again.card().modelId());
    assertEquals(model.card().parameters(), again.card().parameters());
    assertEquals(model.card().validation(), again.card().validation());
    assertEquals(model.card().test(), again.card().test());
    for (ScoringOptions o : List.of(ScoringOptions.DEFAULT, new ScoringOptions(true, null))) {
      for (Article a : corpus) {
        assertEquals(model.predict(a, o), again.predict(a, o), a.id());
      }
    }
  }

  @Test
  void modelCardDescribesTheTraining() {
    ModelCard card = model.card();
    ModelCard.TrainingData d = card.data();
    assertEquals(FixtureCorpus.TRAIN, d.trainArticles());
    assertEquals(FixtureCorpus.TRAIN_FAKE, d.trainFake());
    assertEquals(FixtureCorpus.VALID, d.validArticles());
    assertEquals("split", d.splitField());
    assertEquals(List.of(), d.files());

    String sha = d.trainingSetSha256();
    assertTrue(sha.matches("[0-9a-f]{64}"), sha);
    assertEquals(ModelCardBuilder.trainingSetSha256(set.train()), sha);
    // Stable: a fresh copy of the same articles hashes the same, another order does not.
    assertEquals(sha, ModelCardBuilder.trainingSetSha256(FixtureModels.trainingSet().train()));
    List<Article> reversed = new ArrayList<>(set.train());
    Collections.reverse(reversed);
    assertNotEquals(sha, ModelCardBuilder.trainingSetSha256(reversed), "the hash covers the order");
    TrainingConfig trained = FixtureModels.smallConfig();
    assertTrue(card.modelId().matches("fixture-[0-9a-f]{12}"), card.modelId());
    assertEquals(ModelCardBuilder.modelId(trained, sha, 1), card.modelId());
    // The id names the settings too: other settings on the same data, another id.
    assertNotEquals(card.modelId(), ModelCardBuilder.modelId(trained.withSeed(7), sha, 1));
    assertNotEquals(card.modelId(), ModelCardBuilder.modelId(trained.withNeighbours(null), sha, 1));
    assertNotEquals(card.modelId(), ModelCardBuilder.modelId(trained, sha, 3));
    assertNotEquals(
        card.modelId(),
        ModelCardBuilder.modelId(trained, ModelCardBuilder.trainingSetSha256(reversed), 1));
    assertEquals("fixture", card.name());

    ModelCard.Parameters p = card.parameters();
    TrainingConfig config = FixtureModels.smallConfig();
    assertTrue(config.cGrid().contains(p.c()), "C " + p.c());
    assertEquals(config.cGrid(), p.cSearch().stream().map(ModelCard.CandidateScore::c).toList());
    assertTrue(p.threshold() > 0 && p.threshold() < 1, "threshold " + p.threshold());
    assertTrue(
        p.sourceThreshold() > 0 && p.sourceThreshold() < 1, "threshold " + p.sourceThreshold());
    assertTrue(config.smoothingGrid().contains(p.sourceSmoothing()));
    assertEquals(config.features(), p.features());
    assertEquals(42L, p.seed());
    // Which Platt fit won, and the held-out validation log-loss of both, is on the card.
    assertTrue(
        p.calibration()
            .matches(
                "platt on (5-fold out-of-fold training scores|the validation part); validation"
                    + " log-loss \\d\\.\\d{4} \\(out-of-fold training scores\\) vs \\d\\.\\d{4}"
                    + " \\(validation part\\)"),
        p.calibration());

    assertEquals(1, card.validation().size());
    assertEquals("split=valid", card.validation().get(0).part());
    assertEquals(FixtureCorpus.VALID, card.validation().get(0).n());
    assertEquals(p.threshold(), card.validation().get(0).threshold());
    assertEquals("split=test", card.test().part());
    assertEquals(FixtureCorpus.TEST, card.test().n());
  }

  /** The test part is reported, never used: without one the card has no test figures. */
  @Test
  void withoutATestPartTheCardHasNoTestFigures() {
    TrainingSet noTest = new TrainingSet(set.train(), set.valid(), List.of(), List.of(), "split");
    CredibilityModel m =
        new LinearTrainer(FixtureModels.smallConfig()).train(noTest, ProgressListener.NONE);
    assertNull(m.card().test());
    // The test part influences nothing: the weights are those of the run that had one.
    assertArrayEquals(model.weights(), m.weights());
    assertEquals(model.calibrator(), m.calibrator());
  }

  @Test
  void trainingOnOneClassOnlyFailsClearly() {
    List<Article> fakeOnly = set.train().stream().filter(a -> a.label() == Label.FAKE).toList();
    TrainingSet oneClass = new TrainingSet(fakeOnly, set.valid(), List.of(), List.of(), "split");

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new LinearTrainer(FixtureModels.smallConfig())
                    .train(oneClass, ProgressListener.NONE));
    assertEquals(
        "the training part holds one class only (48 fake articles); both fake and real examples"
            + " are needed",
        e.getMessage());
  }

  @Test
  void validationOnOneClassOnlyFailsClearly() {
    List<Article> realOnly = set.valid().stream().filter(a -> a.label() == Label.REAL).toList();
    TrainingSet oneClass = new TrainingSet(set.train(), realOnly, List.of(), List.of(), "split");

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new LinearTrainer(FixtureModels.smallConfig())
                    .train(oneClass, ProgressListener.NONE));
    assertEquals(
        "the validation part holds one class only (24 real articles); both fake and real examples"
            + " are needed",
        e.getMessage());
  }

  @Test
  void unlabelledTrainingPartFailsClearly() {
    List<Article> unlabelled = set.train().stream().map(a -> a.withLabel(null)).toList();
    TrainingSet none = new TrainingSet(unlabelled, set.valid(), List.of(), List.of(), "split");

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new LinearTrainer(FixtureModels.smallConfig()).train(none, ProgressListener.NONE));
    assertEquals(
        "the training part has no labelled articles (a 'label' of fake or real is needed)",
        e.getMessage());
  }

  @Test
  void majorityIsRealOnATie() {
    Article f = Article.of("t", "b").withLabel(Label.FAKE);
    Article r = Article.of("t", "c").withLabel(Label.REAL);
    assertEquals(Label.REAL, LinearTrainer.majority(List.of(f, r)));
    assertEquals(Label.FAKE, LinearTrainer.majority(List.of(f, f, r)));
    assertEquals(Label.REAL, LinearTrainer.majority(List.of(f, r, r, Article.of("u", "x"))));
  }
}
