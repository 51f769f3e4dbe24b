package dev.vera.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.article.Article;
import dev.vera.model.CredibilityModel;
import dev.vera.model.ScoringOptions;
import dev.vera.testing.FixtureModels;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The per-thread count tables grow for an outlier article and go back to their first size after it:
 * a server keeps one set per thread for the life of the thread, and one 1 MB article must not pin
 * megabytes on every thread it ever reached.
 */
class ScratchBuffersTest {
  /** About 900 KB of distinct made-up words: hundreds of thousands of distinct slots. */
  private static String outlierText() {
    Random r = new Random(7);
    StringBuilder sb = new StringBuilder();
    while (sb.length() < 900_000) {
      for (int i = 0; i < 9; i++) {
        sb.append((char) ('a' + r.nextInt(26)));
      }
      sb.append(' ');
    }
    return sb.toString();
  }

  @Test
  void theCountTableShrinksBackAfterAnOutlier() {
    SlotCounter c = new SlotCounter();
    int first = c.capacity();
    for (int slot = 0; slot < 300_000; slot++) {
      c.add(slot * 7);
    }
    assertTrue(c.capacity() > SlotCounter.RETAINED_KEYS, "grew for the outlier: " + c.capacity());
    c.finish();
    assertEquals(300_000, c.touchedCount);
    c.clear();
    assertEquals(first, c.capacity());
    c.add(5);
    c.add(5);
    c.finish();
    assertEquals(1, c.touchedCount);
    assertEquals(2, c.count(5), "still counts after shrinking");
  }

  @Test
  void scoringAnOutlierLeavesNoLargeScratchBehind() {
    CredibilityModel model = FixtureModels.model();
    Article small = Article.of("Star quits show", "The star said she is leaving the show.");
    double before = model.predict(small, ScoringOptions.DEFAULT).probabilityFake();
    int usual = model.vectorizer().scratchCapacity();
    model.predict(Article.of("outlier", outlierText()), ScoringOptions.DEFAULT);
    assertEquals(usual, model.vectorizer().scratchCapacity());
    WordTerms words = WordTerms.forThread(20);
    words.count(Article.of("outlier", outlierText()));
    assertEquals(2 * SlotCounter.INITIAL_TOUCHED, words.scratchCapacity());
    assertEquals(before, model.predict(small, ScoringOptions.DEFAULT).probabilityFake());
  }
}
