package dev.vera.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.article.Article;
import dev.vera.article.Label;
import dev.vera.testing.FixtureCorpus;
import dev.vera.testing.FixtureModels;
import dev.vera.text.StyleFeatures;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CredibilityModelTest {
  private static final ScoringOptions WITH_SOURCE = new ScoringOptions(true, null);

  private static CredibilityModel model;
  private static List<Article> corpus;

  @BeforeAll
  static void load() {
    model = FixtureModels.model();
    corpus = FixtureCorpus.articles();
  }

  @Test
  void probabilitiesAreProbabilitiesAndLabelsFollowTheThreshold() {
    double threshold = model.card().parameters().threshold();
    double sourceThreshold = model.card().parameters().sourceThreshold();
    for (Article a : corpus) {
      Verdict v = model.predict(a, ScoringOptions.DEFAULT);
      assertTrue(v.probabilityFake() >= 0 && v.probabilityFake() <= 1, a.id());
      assertEquals(a.id(), v.id());
      assertFalse(v.usedSource());
      assertEquals(threshold, v.threshold());
      assertEquals(v.probabilityFake() >= threshold ? Label.FAKE : Label.REAL, v.label(), a.id());

      Verdict s = model.predict(a, WITH_SOURCE);
      assertTrue(s.usedSource());
      assertTrue(s.probabilityFake() >= 0 && s.probabilityFake() <= 1, a.id());
      assertEquals(sourceThreshold, s.threshold());
      assertEquals(s.probabilityFake() >= sourceThreshold ? Label.FAKE : Label.REAL, s.label());
      // The text score is reported unchanged whether or not the source is mixed in.
      assertEquals(v.textProbabilityFake(), s.textProbabilityFake(), a.id());
      assertEquals(v.source(), s.source());
    }
  }

  /** Without --use-source the verdict is the text score itself, bit for bit. */
  @Test
  void textProbabilityIsTheProbabilityWithoutSource() {
    for (Article a : corpus) {
      Verdict v = model.predict(a, ScoringOptions.DEFAULT);
      assertEquals(v.probabilityFake(), v.textProbabilityFake(), a.id());
      // The calibrator reads the linear score stacked with the neighbours' evidence.
      double score = model.stack().score(model.rawScore(a), 0, model.neighbourEvidence(a));
      assertEquals(model.calibrator().probability(score), v.textProbabilityFake(), 1e-15);
    }
  }

  /** {@code p >= threshold} is fake: a threshold equal to p says fake, one ulp above says real. */
  @Test
  void thresholdOverrideDecidesExactlyAtTheBoundary() {
    int checked = 0;
    for (Article a : FixtureCorpus.part(corpus, "test")) {
      double p = model.predict(a, ScoringOptions.DEFAULT).probabilityFake();
      if (!(p > 0 && p < 1)) {
        continue;
      }
      Verdict at = model.predict(a, new ScoringOptions(false, p));
      assertEquals(Label.FAKE, at.label(), a.id());
      assertEquals(p, at.threshold());
      assertEquals(p, at.probabilityFake());
      Verdict above = model.predict(a, new ScoringOptions(false, Math.nextUp(p)));
      assertEquals(Label.REAL, above.label(), a.id());
      assertEquals(Math.nextUp(p), above.threshold());
      // The override wins over the source threshold too.
      double ps = model.predict(a, WITH_SOURCE).probabilityFake();
      assertEquals(Label.FAKE, model.predict(a, new ScoringOptions(true, ps)).label());
      assertEquals(Label.REAL, model.predict(a, new ScoringOptions(true, Math.nextUp(ps))).label());
      checked++;
    }
    assertEquals(FixtureCorpus.TEST, checked, "every test article has a probability inside (0, 1)");
  }

  /** Training articles are recognised by content, whatever their id, label or spacing. */
  @Test
  void trainedOnMatchesContentNotIdentity() {
    Article train = FixtureCorpus.part(corpus, "train").get(0);
    assertTrue(model.trainedOn(train));
    assertTrue(model.trainedOn(train.withId("another-id").withLabel(null)));
    Article respaced =
        new Article(
            null,
            "  " + train.title().replace(" ", "   "),
            train.text().replace(" ", "\n") + "\n",
            null,
            null,
            null,
            null,
            Map.of());
    assertTrue(model.trainedOn(respaced), "whitespace differences do not make another article");

    Article edited =
        new Article(
            train.id(),
            train.title(),
            train.text() + " One more sentence.",
            train.date(),
            train.url(),
            train.source(),
            train.label(),
            train.splits());
    assertFalse(model.trainedOn(edited));
    Article retitled = Article.of(train.title() + "!", train.text());
    assertFalse(model.trainedOn(retitled));
    Article recased = Article.of(train.title().toUpperCase(Locale.ROOT), train.text());
    assertFalse(model.trainedOn(recased), "case is kept in the content hash");

    long trained = corpus.stream().filter(model::trainedOn).count();
    assertEquals(FixtureCorpus.TRAIN, trained, "exactly the train part was trained on");
    for (Article a : FixtureCorpus.part(corpus, "valid")) {
      assertFalse(model.trainedOn(a), a.id());
    }
  }

  @Test
  void explanationPhrasesAreSignedSortedAndPointAtTheText() {
    int fakeSeen = 0;
    int credibleSeen = 0;
    for (Article a : FixtureCorpus.part(corpus, "test")) {
      Explanation e = model.explain(a, ScoringOptions.DEFAULT, 8, false);
      assertEquals(model.predict(a, ScoringOptions.DEFAULT), e.verdict(), a.id());
      assertTrue(e.towardFake().size() <= 8);
      assertTrue(e.towardCredible().size() <= 8);
      double previous = Double.POSITIVE_INFINITY;
      for (Explanation.PhraseEvidence p : e.towardFake()) {
        assertTrue(p.weight() > 0, p.toString());
        assertTrue(p.weight() <= previous, "towardFake is strongest first: " + e.towardFake());
        previous = p.weight();
        assertPointsAtText(a, p);
        fakeSeen++;
      }
      previous = Double.NEGATIVE_INFINITY;
      for (Explanation.PhraseEvidence p : e.towardCredible()) {
        assertTrue(p.weight() < 0, p.toString());
        assertTrue(
            p.weight() >= previous || previous == Double.NEGATIVE_INFINITY,
            "towardCredible is strongest (most negative) first: " + e.towardCredible());
        previous = p.weight();
        assertPointsAtText(a, p);
        credibleSeen++;
      }
      assertTrue(e.sentences().isEmpty(), "no sentence effects unless asked for");
    }
    assertTrue(fakeSeen > 0 && credibleSeen > 0, fakeSeen + " / " + credibleSeen);
  }

  /**
   * Each occurrence span must cut the phrase out of its part: a word exactly (ignoring case), a
   * word pair up to the punctuation and spacing between its words.
   */
  private static void assertPointsAtText(Article a, Explanation.PhraseEvidence p) {
    String text =
        switch (p.part()) {
          case "title" -> a.title();
          case "body" -> a.text();
          default -> throw new AssertionError("part " + p.part());
        };
    assertEquals(p.phrase().toLowerCase(Locale.ROOT), p.phrase(), "phrases are lower case");
    assertFalse(p.occurrences().isEmpty(), p.toString());
    int lastStart = -1;
    for (Explanation.Span s : p.occurrences()) {
      assertTrue(
          0 <= s.start() && s.start() < s.end() && s.end() <= text.length(), p + " in " + a.id());
      assertTrue(s.start() > lastStart, "occurrences are in text order and distinct: " + p);
      lastStart = s.start();
      String cut = text.substring(s.start(), s.end());
      if (p.phrase().indexOf(' ') < 0) {
        assertTrue(cut.equalsIgnoreCase(p.phrase()), "'" + cut + "' for " + p + " in " + a.id());
      } else {
        assertEquals(words(p.phrase()), words(cut), p + " in " + a.id());
      }
    }
  }

  private static String words(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}']+", " ").strip();
  }

  @Test
  void sentenceEffectsAreSentencesOfTheBody() {
    Article a = FixtureCorpus.part(corpus, "test").get(0);
    Explanation e = model.explain(a, ScoringOptions.DEFAULT, 3, true);

    assertFalse(e.sentences().isEmpty());
    assertTrue(e.sentences().size() <= 3);
    double previous = Double.POSITIVE_INFINITY;
    for (Explanation.SentenceEffect s : e.sentences()) {
      assertEquals(s.sentence(), a.text().substring(s.start(), s.end()));
      assertEquals(s.sentence().strip(), s.sentence());
      assertTrue(Math.abs(s.delta()) <= previous, "largest effect first: " + e.sentences());
      assertTrue(Math.abs(s.delta()) <= 1);
      previous = Math.abs(s.delta());
    }
    // With more room every sentence of a short body is listed.
    Explanation all = model.explain(a, ScoringOptions.DEFAULT, 50, true);
    long sentences = a.text().chars().filter(c -> c == '.' || c == '!' || c == '?').count();
    assertTrue(
        all.sentences().size() >= 3 && all.sentences().size() <= sentences,
        all.sentences().toString());
  }

  /** Removing a sentence that pushes toward fake lowers P(fake) by its delta. */
  @Test
  void sentenceDeltaIsTheChangeWhenTheSentenceIsRemoved() {
    Article a =
        Article.of("Fans are shocked!", "One short sentence here. Another plain one follows.");
    Explanation e = model.explain(a, ScoringOptions.DEFAULT, 5, true);
    Explanation.SentenceEffect first =
        e.sentences().stream().filter(s -> s.start() == 0).findFirst().orElseThrow();
    assertEquals("One short sentence here.", first.sentence());
    double without =
        model
            .predict(Article.of(a.title(), "Another plain one follows."), ScoringOptions.DEFAULT)
            .textProbabilityFake();
    assertEquals(e.verdict().textProbabilityFake() - without, first.delta(), 1e-12);
  }

  @Test
  void styleEvidenceCoversEveryStyleFeature() {
    Article a = FixtureCorpus.part(corpus, "test").get(1);
    Explanation e = model.explain(a, ScoringOptions.DEFAULT, 5, false);
    Set<String> names =
        e.style().stream().map(Explanation.StyleEvidence::feature).collect(Collectors.toSet());
    assertEquals(Set.copyOf(StyleFeatures.NAMES), names);
    for (int i = 1; i < e.style().size(); i++) {
      assertTrue(Math.abs(e.style().get(i).weight()) <= Math.abs(e.style().get(i - 1).weight()));
    }
  }

  @Test
  void sourceEvidenceComesFromTrainingCounts() {
    Article a = FixtureCorpus.part(corpus, "test").get(0);
    SourceEvidence s = model.predict(a, ScoringOptions.DEFAULT).source();
    assertEquals(a.source(), s.domain());
    assertSame(SourceEvidence.Basis.TRAINING, s.basis());
    long fromThere =
        FixtureCorpus.part(corpus, "train").stream()
            .filter(t -> a.source().equals(t.source()))
            .count();
    assertEquals(fromThere, s.trainingArticles());

    SourceEvidence none =
        model.predict(Article.of("A title", "A body."), ScoringOptions.DEFAULT).source();
    assertSame(SourceEvidence.Basis.NONE, none.basis());
    assertEquals(model.reputation().prior(), none.fakeRate());
    assertEquals(0.4, model.reputation().prior(), 1e-12);
  }

  /** Explaining never changes the verdict: the explained one is predict()'s, bit for bit. */
  @Test
  void explainedVerdictIsThePredictedVerdict() {
    for (ScoringOptions o :
        List.of(ScoringOptions.DEFAULT, WITH_SOURCE, new ScoringOptions(false, 0.3))) {
      for (Article a : corpus) {
        assertEquals(model.predict(a, o), model.explain(a, o, 5, false).verdict(), a.id());
      }
    }
  }
}
