package dev.vera.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.article.Article;
import dev.vera.model.io.ModelCardText;
import dev.vera.model.io.ModelFile;
import dev.vera.testing.FixtureModels;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The same article (content hash) in train and in a held-out part: counted, refused by default,
 * dropped from the held-out part on request, and the count kept in the model card.
 */
class HeldOutDuplicatesTest {

  /** The fixture split with 3 training articles copied into valid and 2 into test (new ids). */
  private static TrainingSet leaky() {
    TrainingSet base = FixtureModels.trainingSet();
    List<Article> valid = new ArrayList<>(base.valid());
    List<Article> test = new ArrayList<>(base.test());
    for (int i = 0; i < 3; i++) {
      valid.add(base.train().get(i).withId("copy-v" + i));
    }
    for (int i = 3; i < 5; i++) {
      test.add(base.train().get(i).withId("copy-t" + i));
    }
    test.add(base.valid().get(0).withId("copy-tv"));
    return new TrainingSet(base.train(), valid, test, base.files(), base.splitField());
  }

  @Test
  void duplicatesAcrossPartsAreCounted() {
    assertEquals(new PartOverlap(0, 0, 0), FixtureModels.trainingSet().overlap());
    assertEquals(new PartOverlap(3, 2, 1), leaky().overlap());
  }

  @Test
  void trainingRefusesHeldOutArticlesItLearned() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new LinearTrainer(FixtureModels.smallConfig())
                    .train(leaky(), ProgressListener.NONE));
    assertTrue(
        e.getMessage()
            .startsWith("3 split=valid and 2 split=test articles are also in the training part"),
        e.getMessage());
    assertTrue(e.getMessage().contains("--drop-duplicates"), e.getMessage());
  }

  @Test
  void droppedDuplicatesLeaveTheHeldOutPartsAndAreRecordedInTheCard() throws Exception {
    TrainingSet leaky = leaky();
    TrainingSet clean = leaky.withoutHeldOutDuplicates();
    assertEquals(6, clean.heldOutDuplicatesRemoved());
    assertEquals(new PartOverlap(0, 0, 0), clean.overlap());
    assertEquals(leaky.valid().size() - 3, clean.valid().size());
    assertEquals(leaky.test().size() - 3, clean.test().size());
    assertEquals(leaky.train(), clean.train());

    CredibilityModel model =
        new LinearTrainer(FixtureModels.smallConfig()).train(clean, ProgressListener.NONE);
    assertEquals(6, model.card().data().heldOutDuplicatesRemoved());
    assertTrue(
        ModelCardText.markdown(model.card())
            .contains("| held-out duplicates | 6 validation/test articles left out"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ModelFile.write(model, bytes);
    CredibilityModel read = ModelFile.read(new ByteArrayInputStream(bytes.toByteArray()), "m.vera");
    assertEquals(6, read.card().data().heldOutDuplicatesRemoved());
    assertEquals(0, FixtureModels.model().card().data().heldOutDuplicatesRemoved());
  }
}
