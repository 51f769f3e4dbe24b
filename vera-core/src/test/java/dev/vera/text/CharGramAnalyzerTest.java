package dev.vera.text;

import static dev.vera.text.TokenStreams.assertAnalyzesTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CharGramAnalyzerTest {
  private final CharGramAnalyzer analyzer = new CharGramAnalyzer();

  @Test
  void punctuationStaysAttachedAndCaseIsLowered() {
    assertAnalyzesTo(
        analyzer,
        "Shocking news! Brad Pitt's ex-wife, 42, SAYS it's over.",
        new String[] {
          "shocking", "news!", "brad", "pitt's", "ex-wife,", "42,", "says", "it's", "over."
        },
        new int[] {0, 9, 15, 20, 27, 36, 40, 45, 50},
        new int[] {8, 14, 19, 26, 35, 39, 44, 49, 55});
  }

  @Test
  void urlsNumbersQuotesAndScriptsAreWholeChunks() {
    assertAnalyzesTo(
        analyzer,
        "Read more at https://www.Example.com/news?id=7 now",
        new String[] {"read", "more", "at", "https://www.example.com/news?id=7", "now"},
        new int[] {0, 5, 10, 13, 47},
        new int[] {4, 9, 12, 46, 50});
    assertAnalyzesTo(
        analyzer,
        "It cost $5.99, not 3.14% (ALLEGEDLY) \u201cWOW\u201d",
        new String[] {"it", "cost", "$5.99,", "not", "3.14%", "(allegedly)", "\u201cwow\u201d"},
        new int[] {0, 3, 8, 15, 19, 25, 37},
        new int[] {2, 7, 14, 18, 24, 36, 42});
    assertAnalyzesTo(
        analyzer,
        "Wow \uD83D\uDE31\uD83D\uDD25 Путин «НЕТ» 北京欢迎你",
        new String[] {"wow", "\uD83D\uDE31\uD83D\uDD25", "путин", "«нет»", "北京欢迎你"},
        new int[] {0, 4, 9, 15, 21},
        new int[] {3, 8, 14, 20, 26});
  }

  /** Any Java whitespace separates chunks; a no-break space is not whitespace to Java. */
  @Test
  void whitespaceKinds() {
    assertAnalyzesTo(
        analyzer,
        "  a\tb\nc\r\nd\u2028e f\u00A0g  ",
        new String[] {"a", "b", "c", "d", "e", "f\u00A0g"},
        new int[] {2, 4, 6, 9, 11, 13},
        new int[] {3, 5, 7, 10, 12, 16});
  }

  @Test
  void emptyTextGivesNoTokens() {
    assertAnalyzesTo(analyzer, "", new String[0], new int[0], new int[0]);
    assertAnalyzesTo(analyzer, "   \n", new String[0], new int[0], new int[0]);
  }

  @Test
  void randomTextNeverThrowsAndOffsetsAreSane() {
    Random r = new Random(0x5EED_0003L);
    int[] lengths = {0, 1, 2, 7, 50, 300, 2000};
    for (int round = 0; round < 60; round++) {
      for (int len : lengths) {
        String text = TokenStreams.randomText(r, len);
        TokenStreams.Stream s = TokenStreams.analyse(analyzer, text);
        TokenStreams.assertOffsetsSane(text, s);
        for (TokenStreams.Tok t : s.tokens()) {
          // Whitespace chunks cover their text exactly, lower-cased.
          assertEquals(
              lower(text.substring(t.start(), t.end())),
              t.term(),
              "chunk " + t + " of '" + text + "'");
        }
      }
    }
  }

  private static String lower(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> sb.appendCodePoint(Character.toLowerCase(cp)));
    return sb.toString();
  }
}
