package dev.vera.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.vera.article.Article;
import java.util.List;
import org.junit.jupiter.api.Test;

class StyleFeaturesTest {
  private static final double EPS = 1e-12;

  private static final String TITLE = "BREAKING NEWS: Star quits!";
  private static final String BODY =
      "Reportedly, a source close to the star said \"WOW\". Is it over? Allegedly yes!"
          + " Unreportedly no.";

  private static int index(String name) {
    int i = StyleFeatures.NAMES.indexOf(name);
    if (i < 0) {
      throw new AssertionError("no style feature " + name);
    }
    return i;
  }

  @Test
  void namesInVectorOrder() {
    assertEquals(
        List.of(
            "caps_ratio",
            "title_caps_words",
            "exclamations_per_1k_chars",
            "title_exclamation",
            "questions_per_1k_chars",
            "title_question",
            "quotes_per_1k_chars",
            "hedges_per_1k_words",
            "log_body_words",
            "title_words"),
        StyleFeatures.NAMES);
  }

  /** Every figure below is counted by hand from {@link #TITLE} and {@link #BODY}. */
  @Test
  void craftedArticle() {
    assertEquals(26, TITLE.length());
    assertEquals(94, BODY.length());
    double[] v = StyleFeatures.compute(Article.of(TITLE, BODY));
    assertEquals(StyleFeatures.NAMES.size(), v.length);
    // Body letters: 72; upper case: R, W, O, W, I, A, U. The title's capitals do not count.
    assertEquals(7.0 / 72, v[index("caps_ratio")], EPS);
    // Title words with 2+ letters: BREAKING, NEWS:, Star, quits! of which 2 all-caps.
    assertEquals(0.5, v[index("title_caps_words")], EPS);
    // "yes!" and the title's "quits!" over 26 + 94 characters.
    assertEquals(1000.0 * 2 / 120, v[index("exclamations_per_1k_chars")], EPS);
    assertEquals(1.0, v[index("title_exclamation")], EPS);
    assertEquals(1000.0 * 1 / 120, v[index("questions_per_1k_chars")], EPS);
    assertEquals(0.0, v[index("title_question")], EPS);
    // Two straight double quotes in the body.
    assertEquals(1000.0 * 2 / 120, v[index("quotes_per_1k_chars")], EPS);
    // "Reportedly", "a source close to", "Allegedly"; not the "reportedly" in "Unreportedly".
    // Words: 16 in the body, 4 in the title.
    assertEquals(1000.0 * 3 / 20, v[index("hedges_per_1k_words")], EPS);
    assertEquals(Math.log(17), v[index("log_body_words")], EPS);
    assertEquals(4.0, v[index("title_words")], EPS);
  }

  @Test
  void titleQuestionAndCurlyQuotes() {
    String title = "Is she pregnant?";
    String body = "\u201cNo,\u201d she said. Why? Nobody knows?";
    double[] v = StyleFeatures.compute(Article.of(title, body));
    int chars = title.length() + body.length();
    assertEquals(1.0, v[index("title_question")], EPS);
    assertEquals(0.0, v[index("title_exclamation")], EPS);
    assertEquals(1000.0 * 3 / chars, v[index("questions_per_1k_chars")], EPS);
    assertEquals(1000.0 * 2 / chars, v[index("quotes_per_1k_chars")], EPS);
    assertEquals(0.0, v[index("exclamations_per_1k_chars")], EPS);
    // Upper case N, W, N over 23 letters.
    assertEquals(3.0 / 23, v[index("caps_ratio")], EPS);
  }

  /** Words of fewer than two letters are neither caps words nor plain words of the title. */
  @Test
  void titleCapsWordsIgnoresShortAndLetterlessWords() {
    assertEquals(0.5, titleCaps("A NEW Dawn, 5G"), EPS);
    assertEquals(1.0, titleCaps("  U.S. BANS 5G  "), EPS);
    assertEquals(0.0, titleCaps("I A 42 !!"), EPS);
    assertEquals(1.0, titleCaps("ÉTÉ ΑΘΗΝΑ"), EPS);
    assertEquals(0.0, titleCaps("iPhone"), EPS);
    // Title words are cut at ASCII white space (tab, line breaks, vertical tab, form feed), not
    // at a no-break space or a line separator.
    assertEquals(0.5, titleCaps("OMG\u000bwow"), EPS);
    assertEquals(0.5, titleCaps("OMG\u00a0WOW big"), EPS);
    assertEquals(0.0, titleCaps("OMG\u2028wow"), EPS); // one word, not all capitals
  }

  @Test
  void hedgesOfTitleAndBodyCountTogetherButNeverAcrossThem() {
    double[] v = StyleFeatures.compute(Article.of("Allegedly a", "pal said, reportedly"));
    // "allegedly" and "reportedly" (5 words); "a" + "pal" across the break is not "a pal".
    assertEquals(1000.0 * 2 / 5, v[index("hedges_per_1k_words")], EPS);
    // Non-ASCII around a hedge: letters (é, ß) glue to it, marks and quotes do not.
    assertEquals(0, StyleFeatures.countHedges("éallegedly allegedlyß"));
    assertEquals(2, StyleFeatures.countHedges("\u201callegedly\u201d \u00a0ALLEGEDLY\u2026"));
  }

  private static double titleCaps(String title) {
    return StyleFeatures.compute(Article.of(title, "body"))[index("title_caps_words")];
  }

  @Test
  void emptyTitleAndBodyGiveZerosNotNaN() {
    assertArrayEquals(
        new double[StyleFeatures.NAMES.size()], StyleFeatures.compute(Article.of("", "")), 0.0);
    assertArrayEquals(
        new double[StyleFeatures.NAMES.size()],
        StyleFeatures.compute(Article.of(" \n", "\t ")),
        0.0);
    for (double[] v :
        new double[][] {
          StyleFeatures.compute(Article.of("", "Some plain body text.")),
          StyleFeatures.compute(Article.of("WOW!", "")),
          StyleFeatures.compute(Article.of("!!!", "???"))
        }) {
      for (double d : v) {
        assertFalse(Double.isNaN(d) || Double.isInfinite(d));
      }
    }
    double[] titleOnly = StyleFeatures.compute(Article.of("WOW!", ""));
    assertEquals(0.0, titleOnly[index("caps_ratio")], EPS);
    assertEquals(0.0, titleOnly[index("log_body_words")], EPS);
    assertEquals(1000.0 / 4, titleOnly[index("exclamations_per_1k_chars")], EPS);
    assertEquals(1.0, titleOnly[index("title_words")], EPS);
    double[] bodyOnly = StyleFeatures.compute(Article.of("", "Some plain body text."));
    assertEquals(0.0, bodyOnly[index("title_caps_words")], EPS);
    assertEquals(0.0, bodyOnly[index("title_words")], EPS);
    assertEquals(Math.log(5), bodyOnly[index("log_body_words")], EPS);
  }

  @Test
  void countHedgesIsCaseInsensitive() {
    assertEquals(1, StyleFeatures.countHedges("Reportedly"));
    assertEquals(1, StyleFeatures.countHedges("REPORTEDLY, he left"));
    assertEquals(1, StyleFeatures.countHedges("A Source Close To the star"));
    assertEquals(2, StyleFeatures.countHedges("allegedly ... ALLEGEDLY"));
  }

  /** A hedge must not be preceded by a letter; punctuation, digits or a line start are fine. */
  @Test
  void countHedgesNeedsANonLetterBefore() {
    assertEquals(0, StyleFeatures.countHedges("unreportedly"));
    assertEquals(0, StyleFeatures.countHedges("Unreportedly, nothing"));
    assertEquals(0, StyleFeatures.countHedges("xallegedly"));
    assertEquals(1, StyleFeatures.countHedges("(allegedly)"));
    assertEquals(1, StyleFeatures.countHedges("\"Reportedly\""));
    assertEquals(1, StyleFeatures.countHedges("title\nreportedly"));
    assertEquals(1, StyleFeatures.countHedges("-supposedly-"));
    assertEquals(0, StyleFeatures.countHedges(""));
    assertEquals(0, StyleFeatures.countHedges("The minister said so in a statement."));
  }

  /** Phrases are counted independently: overlapping ones each count. */
  @Test
  void overlappingHedgePhrasesEachCount() {
    // "according to a source" and "a source close to".
    assertEquals(2, StyleFeatures.countHedges("according to a source close to the couple"));
    // "insiders" only: "an insider" does not end at a word boundary there.
    assertEquals(1, StyleFeatures.countHedges("an insiders' account"));
  }

  /** Whole phrases only: the hedge "a pal" is not in "a palace" or "a palm". */
  @Test
  void hedgeMustEndAtAWordBoundary() {
    assertEquals(0, StyleFeatures.countHedges("A palace spokesman said on Monday"));
    assertEquals(0, StyleFeatures.countHedges("under a palm tree"));
  }

  /** Quotation marks count in the title as in the body, like exclamation and question marks. */
  @Test
  void quotesInTheTitleCount() {
    String title = "\"Devastated\" star speaks";
    String body = "No quotes here.";
    double[] v = StyleFeatures.compute(Article.of(title, body));
    assertEquals(
        1000.0 * 2 / (title.length() + body.length()), v[index("quotes_per_1k_chars")], EPS);
  }
}
