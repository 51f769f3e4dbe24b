package dev.vera.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.article.Article;
import dev.vera.article.Label;
import dev.vera.model.CredibilityModel;
import dev.vera.model.LinearTrainer;
import dev.vera.model.ProgressListener;
import dev.vera.model.ScoringOptions;
import dev.vera.model.TrainingSet;
import dev.vera.model.io.ModelCardText;
import dev.vera.model.io.ModelFile;
import dev.vera.testing.FixtureModels;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retraining with analysts' corrections on the fixture corpus. */
class TrainingCorrectionsTest {
  /**
   * The base model's three worst-scored test articles, corrected with their true labels, train the
   * next model: it moves toward the analysts' labels on each, leaves them out of the test figures,
   * and its card says how many corrections trained and with what weight.
   */
  @Test
  void correctionsTrainAreRecordedAndNeverScoredAsHeldOut() throws Exception {
    TrainingSet base = FixtureModels.trainingSet();
    CredibilityModel before = FixtureModels.model();
    List<Article> worst =
        base.test().stream()
            .sorted(Comparator.comparingDouble((Article a) -> -towardWrong(before, a)))
            .limit(3)
            .toList();
    List<Correction> corrections =
        worst.stream()
            .map(
                a -> {
                  var v = before.predict(a, ScoringOptions.DEFAULT);
                  return Correction.draft(
                          a.withLabel(null),
                          before.card().modelId(),
                          v.label(),
                          v.probabilityFake(),
                          a.label(),
                          "checked",
                          "ana")
                      .stored(0, Instant.EPOCH);
                })
            .toList();

    TrainingSet joined = TrainingCorrections.apply(base, corrections, 3);
    assertEquals(base.test().size() - 3, joined.test().size());
    assertEquals(base.valid().size(), joined.valid().size());
    assertEquals(3, joined.correctionsHeldOutRemoved());
    for (Article a : joined.test()) {
      assertFalse(worst.stream().anyMatch(w -> w.contentHash() == a.contentHash()));
    }

    CredibilityModel after =
        new LinearTrainer(FixtureModels.smallConfig()).train(joined, ProgressListener.NONE);
    for (Article a : worst) {
      assertTrue(after.trainedOn(a), "a corrected article is training data");
      assertTrue(
          towardWrong(after, a) < towardWrong(before, a),
          "retraining moved " + a.id() + " toward the analyst's label");
    }
    assertEquals(base.train().size() + 3, after.card().data().trainArticles());
    assertEquals(3, after.card().data().corrections());
    assertEquals(3, after.card().data().correctionWeight());
    assertEquals(base.test().size() - 3, after.card().test().n());

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ModelFile.write(after, bytes);
    CredibilityModel read =
        ModelFile.read(new ByteArrayInputStream(bytes.toByteArray()), "retrained");
    assertEquals(after.card(), read.card());
    assertTrue(ModelCardText.markdown(read.card()).contains("analysts' corrections | 3 "));
  }

  /**
   * A model without corrections writes no corrections key (its bytes stay as before) and reads as
   * none.
   */
  @Test
  void aModelWithoutCorrectionsKeepsItsHeader() throws Exception {
    CredibilityModel m = FixtureModels.model();
    assertFalse(ModelFile.cardJson(m.card()).path("training_data").has("corrections"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ModelFile.write(m, bytes);
    CredibilityModel read = ModelFile.read(new ByteArrayInputStream(bytes.toByteArray()), "plain");
    assertEquals(0, read.card().data().corrections());
    assertEquals(1, read.card().data().correctionWeight());
  }

  /**
   * A correction replaces the corpus's own copy of an article in train, with the analyst's label.
   */
  @Test
  void aCorrectionReplacesTheCorpusCopyOfATrainingArticle() {
    TrainingSet base = FixtureModels.trainingSet();
    Article a = base.train().get(0);
    Label flipped = a.label() == Label.FAKE ? Label.REAL : Label.FAKE;
    Correction c =
        Correction.draft(a, "m", a.label(), 0.5, flipped, "", "ana").stored(7, Instant.EPOCH);
    TrainingSet joined = TrainingCorrections.apply(base, List.of(c), 1);
    assertEquals(base.train().size() - 1, joined.train().size());
    assertEquals(List.of(a.withLabel(flipped)), joined.corrections());
    assertEquals(0, joined.correctionsHeldOutRemoved());
  }

  /** How far the model's probability sits from the article's true label (higher is more wrong). */
  private static double towardWrong(CredibilityModel m, Article a) {
    double p = m.predict(a, ScoringOptions.DEFAULT).probabilityFake();
    return a.label() == Label.FAKE ? 1 - p : p;
  }
}
