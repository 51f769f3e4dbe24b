package dev.vera.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.article.Article;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureSpaceTest {

  @Test
  void wireNames() {
    assertEquals(
        List.of("title-words", "body-words", "title-chars", "body-chars"),
        Arrays.stream(FeatureSpace.values()).map(FeatureSpace::wireName).toList());
  }

  @Test
  void parseRoundTripsWireName() {
    for (FeatureSpace s : FeatureSpace.values()) {
      assertEquals(s, FeatureSpace.parse(s.wireName()));
      assertEquals(s, FeatureSpace.parse("  " + s.wireName() + "\n"));
    }
  }

  @Test
  void unknownNameListsTheKnownNames() {
    for (String bad : new String[] {"title_words", "TITLE-WORDS", "words", "", "body-word"}) {
      String msg =
          assertThrows(IllegalArgumentException.class, () -> FeatureSpace.parse(bad)).getMessage();
      assertEquals(
          "unknown feature space '"
              + bad
              + "'; known: title-words, body-words, title-chars,"
              + " body-chars",
          msg);
      // The hard-coded list must stay in step with the enum.
      for (FeatureSpace s : FeatureSpace.values()) {
        assertTrue(msg.contains(s.wireName()), msg);
      }
    }
  }

  @Test
  void partsKindsAndText() {
    Article a = Article.of("The title", "The body");
    assertEquals(FeatureSpace.Part.TITLE, FeatureSpace.TITLE_CHARS.part());
    assertEquals(FeatureSpace.Kind.CHARS, FeatureSpace.TITLE_CHARS.kind());
    assertEquals(FeatureSpace.Part.BODY, FeatureSpace.BODY_WORDS.part());
    assertEquals(FeatureSpace.Kind.WORDS, FeatureSpace.BODY_WORDS.kind());
    assertEquals("The title", FeatureSpace.TITLE_WORDS.textOf(a));
    assertEquals("The body", FeatureSpace.BODY_CHARS.textOf(a));
  }

  /**
   * The hashing seed of a space is its ordinal + 1, so the enum order is part of the file format.
   */
  @Test
  void ordinalsAreStable() {
    assertEquals(0, FeatureSpace.TITLE_WORDS.ordinal());
    assertEquals(1, FeatureSpace.BODY_WORDS.ordinal());
    assertEquals(2, FeatureSpace.TITLE_CHARS.ordinal());
    assertEquals(3, FeatureSpace.BODY_CHARS.ordinal());
  }
}
