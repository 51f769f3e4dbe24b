package dev.vera.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vera.article.Article;
import dev.vera.testing.FixtureModels;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Explanations cut the body into sentences as the claims do (ICU, with its abbreviations). */
class ExplanationSentencesTest {
  private final CredibilityModel model = FixtureModels.model();

  private List<String> explainedSentences(String body) {
    Explanation e = model.explain(Article.of("A title", body), ScoringOptions.DEFAULT, 50, true);
    return e.sentences().stream()
        .sorted(Comparator.comparingInt(Explanation.SentenceEffect::start))
        .map(Explanation.SentenceEffect::sentence)
        .toList();
  }

  @Test
  void anAbbreviationDoesNotEndASentence() {
    // The JDK's BreakIterator cut this after "Mr." into three sentences.
    assertEquals(
        List.of("Mr. Smith went to Washington.", "He said the budget doubled in a year."),
        explainedSentences("Mr. Smith went to Washington. He said the budget doubled in a year."));
  }

  @Test
  void aHeadlineLineIsASentenceOfItsOwn() {
    // The JDK's BreakIterator ran a line without a full stop into the paragraph under it.
    assertEquals(
        List.of("Budget Doubles", "The mayor announced it on Monday."),
        explainedSentences("Budget Doubles\nThe mayor announced it on Monday."));
  }
}
