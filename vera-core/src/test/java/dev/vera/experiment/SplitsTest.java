package dev.vera.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.article.Article;
import dev.vera.article.Label;
import dev.vera.eval.StratifiedKFold;
import dev.vera.model.ModelCard;
import dev.vera.model.TrainingSet;
import dev.vera.testing.FixtureCorpus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SplitsTest {
  private static final List<ModelCard.DataFile> FILES =
      List.of(new ModelCard.DataFile("corpus.jsonl", "00", 1));

  private static Article with(String id, Label label, Map<String, String> splits) {
    return new Article(id, "t " + id, "b", null, null, null, label, splits);
  }

  @Test
  void byFieldDividesByTheFieldsValue() {
    List<Article> corpus = FixtureCorpus.articles();
    TrainingSet set = Splits.byField(corpus, "split", FILES);
    assertEquals(FixtureCorpus.part(corpus, "train"), set.train());
    assertEquals(FixtureCorpus.part(corpus, "valid"), set.valid());
    assertEquals(FixtureCorpus.part(corpus, "test"), set.test());
    assertEquals(120, set.train().size());
    assertEquals("split", set.splitField());
    assertEquals(FILES, set.files());
    assertEquals("split=test", set.partName("test"));
  }

  /**
   * "validation" and "dev" mean valid; articles without the field, or with another value, are left
   * out.
   */
  @Test
  void byFieldAliasesAndLeftOutArticles() {
    List<Article> in =
        List.of(
            with("1", Label.FAKE, Map.of("s", "train")),
            with("2", Label.REAL, Map.of("s", "validation")),
            with("3", Label.REAL, Map.of("s", "dev")),
            with("4", Label.REAL, Map.of("other", "train")),
            with("5", Label.REAL, Map.of("s", "holdout")),
            with("6", Label.REAL, Map.of("s", "test")));
    TrainingSet set = Splits.byField(in, "s", List.of());
    assertEquals(List.of("1"), set.train().stream().map(Article::id).toList());
    assertEquals(List.of("2", "3"), set.valid().stream().map(Article::id).toList());
    assertEquals(List.of("6"), set.test().stream().map(Article::id).toList());
  }

  @Test
  void byFieldWithoutTrainNamesTheValuesItSaw() {
    List<Article> in =
        List.of(
            with("1", Label.FAKE, Map.of("s", "TRAIN")),
            with("2", Label.REAL, Map.of("s", "valid")),
            with("3", Label.REAL, Map.of("s", "fold1")));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Splits.byField(in, "s", List.of()));
    assertEquals(
        "no article has s=train (values seen: [TRAIN, fold1]); is 's' the right split field?",
        e.getMessage());

    IllegalArgumentException absent =
        assertThrows(
            IllegalArgumentException.class,
            () -> Splits.byField(FixtureCorpus.articles(), "split_time", List.of()));
    assertEquals(
        "no article has split_time=train; is 'split_time' the right split field?",
        absent.getMessage());
  }

  @Test
  void byFieldWithoutValidFails() {
    List<Article> in =
        List.of(
            with("1", Label.FAKE, Map.of("s", "train")),
            with("2", Label.REAL, Map.of("s", "test")));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Splits.byField(in, "s", List.of()));
    assertEquals(
        "no article has s=valid: settings and calibration need a validation part", e.getMessage());
  }

  /**
   * Holdout of 1/10: REAL (120) is dealt first, 12 to each fold, then FAKE (80), 8 to each; fold 0
   * becomes valid. Unlabelled articles are left out.
   */
  @Test
  void holdoutIsStratifiedDisjointAndComplete() {
    List<Article> corpus = new ArrayList<>(FixtureCorpus.articles());
    corpus.add(Article.of("unlabelled", "x"));
    TrainingSet set = Splits.holdout(corpus, 10, 42, FILES);

    assertEquals(20, set.valid().size());
    assertEquals(8, set.valid().stream().filter(a -> a.label() == Label.FAKE).count());
    assertEquals(180, set.train().size());
    assertEquals(72, set.train().stream().filter(a -> a.label() == Label.FAKE).count());
    assertEquals(List.of(), set.test());
    assertNull(set.splitField());
    assertEquals("holdout=valid", set.partName("valid"));
    assertEachLabelledOnce(FixtureCorpus.articles(), List.of(set.train(), set.valid()));
    // Seeded: the same seed gives the same parts, another seed others.
    assertEquals(set.valid(), Splits.holdout(corpus, 10, 42, FILES).valid());
    assertTrue(!set.valid().equals(Splits.holdout(corpus, 10, 43, FILES).valid()));
  }

  /** k=3 over 120 real and 80 fake: real 40/40/40, fake 27/27/26 (dealing goes on from real). */
  @Test
  void foldsAreStratifiedDisjointAndEachArticleIsTestedOnce() {
    List<Article> labelled = FixtureCorpus.articles();
    int k = 3;
    int[] folds =
        StratifiedKFold.assignFolds(labelled.stream().map(Article::label).toList(), k, 42);
    Map<String, Integer> timesTested = new HashMap<>();
    int[] expectedFake = {27, 27, 26};
    for (int i = 0; i < k; i++) {
      TrainingSet set = Splits.fold(labelled, folds, i, k, FILES);
      assertEachLabelledOnce(labelled, List.of(set.train(), set.valid(), set.test()));
      assertEquals(40 + expectedFake[i], set.test().size(), "fold " + i);
      assertEquals(
          expectedFake[i], set.test().stream().filter(a -> a.label() == Label.FAKE).count());
      int validFold = (i + 1) % k;
      assertEquals(
          expectedFake[validFold],
          set.valid().stream().filter(a -> a.label() == Label.FAKE).count());
      assertEquals("fold" + (i + 1) + "of3", set.splitField());
      set.test().forEach(a -> timesTested.merge(a.id(), 1, Integer::sum));
    }
    assertEquals(200, timesTested.size());
    assertTrue(timesTested.values().stream().allMatch(n -> n == 1), "each article is tested once");
  }

  /** The parts hold every labelled article of {@code all} exactly once, and nothing else. */
  private static void assertEachLabelledOnce(List<Article> all, List<List<Article>> parts) {
    Map<String, Integer> seen = new HashMap<>();
    for (List<Article> part : parts) {
      for (Article a : part) {
        seen.merge(a.id(), 1, Integer::sum);
      }
    }
    List<String> labelled = all.stream().filter(a -> a.label() != null).map(Article::id).toList();
    assertEquals(labelled.size(), seen.size());
    for (String id : labelled) {
      assertEquals(1, seen.get(id), id);
    }
  }

  @Test
  void partSelectsOnePart() {
    List<Article> corpus = FixtureCorpus.articles();
    assertEquals(40, Splits.part(corpus, "split", "test").size());
    assertEquals(List.of(), Splits.part(corpus, "split", "nope"));
    assertEquals(List.of(), Splits.part(corpus, "missing", "test"));
  }
}
