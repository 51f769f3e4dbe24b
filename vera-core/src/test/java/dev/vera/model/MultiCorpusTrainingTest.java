package dev.vera.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.article.Article;
import dev.vera.article.Label;
import dev.vera.experiment.Splits;
import dev.vera.model.io.ModelFile;
import dev.vera.testing.FixtureCorpus;
import dev.vera.testing.FixtureModels;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Training on two corpora with different shares of fake: corpus weights, the base rate every
 * verdict states and re-expresses, the decision curve, applicability, and their model file.
 */
class MultiCorpusTrainingTest {
  private static List<Article> articles;
  private static CredibilityModel model;

  /**
   * The fixture corpus as two corpora: "tabloids" (two thirds of the articles, 40% fake) and
   * "wires" (the other third with half its fakes dropped: about 25% fake).
   */
  static List<Article> twoCorpora() {
    List<Article> out = new ArrayList<>();
    List<Article> all = FixtureCorpus.articles();
    for (int i = 0; i < all.size(); i++) {
      Article a = all.get(i);
      if (i % 3 != 0) {
        out.add(a.withCorpus("tabloids"));
      } else if (a.label() != Label.FAKE || i % 2 == 0) {
        out.add(a.withCorpus("wires"));
      }
    }
    return out;
  }

  @BeforeAll
  static void train() {
    articles = twoCorpora();
    TrainingSet set = Splits.byField(articles, FixtureCorpus.SPLIT_FIELD, List.of());
    model = new LinearTrainer(FixtureModels.smallConfig()).train(set, ProgressListener.NONE);
  }

  @Test
  void everyCorpusWeighsTheSameInTheFit() {
    CorpusMix mix = model.scope().mix();
    assertEquals(List.of("tabloids", "wires"), mix.names());
    CorpusMix.Corpus t = mix.corpus("tabloids");
    CorpusMix.Corpus w = mix.corpus("wires");
    assertEquals(t.weight() * t.trainArticles(), w.weight() * w.trainArticles(), 1e-9);
    assertTrue(w.fakeRate() < t.fakeRate());
    // The reference rate is the corpora's mean rate under balance 1.
    assertEquals((t.fakeRate() + w.fakeRate()) / 2, mix.referenceRate(), 1e-12);
  }

  @Test
  void aBaseRateReexpressesTheProbabilityExactlyAndMovesTheThreshold() {
    double reference = model.scope().mix().referenceRate();
    for (Article a : articles.subList(0, 30)) {
      Verdict atMix = model.predict(a, ScoringOptions.DEFAULT);
      assertEquals(reference, atMix.baseRate(), 0);
      for (double rate : new double[] {0.02, 0.3, 0.9}) {
        Verdict v = model.predict(a, ScoringOptions.DEFAULT.withBaseRate(rate));
        assertEquals(rate, v.baseRate(), 0);
        assertEquals(
            BaseRate.reexpress(atMix.textProbabilityFake(), reference, rate),
            v.textProbabilityFake(),
            1e-12);
        // The threshold is a cut on the reference scale, expressed at the rate: the same cut at
        // every rate's expression when the rate does not move it.
        assertEquals(v.probabilityFake() >= v.threshold(), v.label() == Label.FAKE, a.id());
        assertTrue(v.threshold() > 0 && v.threshold() < 1);
      }
    }
    // A feed with few fakes is cut higher (on the reference scale) than one with many.
    assertTrue(model.scope().textCurve().cut(0.02) >= model.scope().textCurve().cut(0.9));
  }

  @Test
  void anArticleUnlikeTheTrainingDataIsFlagged() {
    Verdict familiar = model.predict(articles.get(0), ScoringOptions.DEFAULT);
    assertNotNull(familiar.applicability());
    assertFalse(familiar.applicability().outsideExperience());
    Article stranger =
        Article.of(
            "Slow-cooked ragù with pappardelle",
            "Brown the beef shin, deglaze with red wine, add tomatoes and simmer for four hours."
                + " Toss the pappardelle with the sauce and grate parmesan over it.");
    Verdict v = model.predict(stranger, ScoringOptions.DEFAULT);
    assertTrue(v.applicability().outsideExperience(), "applicability " + v.applicability());
    assertTrue(v.applicability().score() < familiar.applicability().score());
  }

  @Test
  void theModelFileKeepsTheScope() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ModelFile.write(model, bytes);
    CredibilityModel read =
        ModelFile.read(new ByteArrayInputStream(bytes.toByteArray()), "two.vera");
    assertEquals(model.scope().mix(), read.scope().mix());
    assertEquals(model.scope().textCurve(), read.scope().textCurve());
    assertEquals(model.scope().sourceCurve(), read.scope().sourceCurve());
    assertEquals(model.scope().applicability(), read.scope().applicability());
    for (Article a : articles) {
      for (ScoringOptions o :
          List.of(
              ScoringOptions.DEFAULT,
              new ScoringOptions(true, null, 0.1),
              ScoringOptions.DEFAULT.withBaseRate(0.7))) {
        assertEquals(model.predict(a, o), read.predict(a, o), a.id());
      }
    }
  }
}
