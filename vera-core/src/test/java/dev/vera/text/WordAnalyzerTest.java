package dev.vera.text;

import static dev.vera.text.TokenStreams.assertAnalyzesTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WordAnalyzerTest {
  private final WordAnalyzer analyzer = new WordAnalyzer();

  @Test
  void punctuationCapitalsApostrophesNumbersHyphens() {
    assertAnalyzesTo(
        analyzer,
        "Shocking news! Brad Pitt's ex-wife, 42, SAYS it's over.",
        new String[] {
          "shocking", "news", "brad", "pitt's", "ex", "wife", "42", "says", "it's", "over"
        },
        new int[] {0, 9, 15, 20, 27, 30, 36, 40, 45, 50},
        new int[] {8, 13, 19, 26, 29, 34, 38, 44, 49, 54});
  }

  /** Decimal points and thousands separators stay inside numbers; currency and % are dropped. */
  @Test
  void numbers() {
    assertAnalyzesTo(
        analyzer,
        "It cost $5.99, not 1,000,000 or 3.14%",
        new String[] {"it", "cost", "5.99", "not", "1,000,000", "or", "3.14"},
        new int[] {0, 3, 9, 15, 19, 29, 32},
        new int[] {2, 7, 13, 18, 28, 31, 36});
  }

  /** StandardTokenizer is not the URL-aware tokenizer: a URL falls apart, a host name does not. */
  @Test
  void urlsAndAddressesAreSplit() {
    assertAnalyzesTo(
        analyzer,
        "Read more at https://www.example.com/news?id=7 now",
        new String[] {"read", "more", "at", "https", "www.example.com", "news", "id", "7", "now"},
        new int[] {0, 5, 10, 13, 21, 37, 42, 45, 47},
        new int[] {4, 9, 12, 18, 36, 41, 44, 46, 50});
    assertAnalyzesTo(
        analyzer,
        "Don\u2019t e-mail user@example.com #fakenews @cnn",
        new String[] {"don\u2019t", "e", "mail", "user", "example.com", "fakenews", "cnn"},
        new int[] {0, 6, 8, 13, 18, 31, 41},
        new int[] {5, 7, 12, 17, 29, 39, 44});
  }

  /** Each emoji is a token of its own (two UTF-16 units each). */
  @Test
  void emoji() {
    assertAnalyzesTo(
        analyzer,
        "Wow \uD83D\uDE31\uD83D\uDD25 so hot",
        new String[] {"wow", "\uD83D\uDE31", "\uD83D\uDD25", "so", "hot"},
        new int[] {0, 4, 6, 9, 12},
        new int[] {3, 6, 8, 11, 15});
  }

  /** Cyrillic and Greek are lower-cased words; each Han ideograph is a token. */
  @Test
  void nonLatinScripts() {
    assertAnalyzesTo(
        analyzer,
        "Путин сказал «нет» ΑΘΗΝΑ 北京欢迎你",
        new String[] {"путин", "сказал", "нет", "αθηνα", "北", "京", "欢", "迎", "你"},
        new int[] {0, 6, 14, 19, 25, 26, 27, 28, 29},
        new int[] {5, 12, 17, 24, 26, 27, 28, 29, 30});
    // Lower-casing is per code point and locale-free: dotted capital I becomes a plain i.
    assertAnalyzesTo(
        analyzer,
        "Ça va? İstanbul ÉTÉ",
        new String[] {"ça", "va", "istanbul", "été"},
        new int[] {0, 3, 7, 16},
        new int[] {2, 5, 15, 19});
  }

  @Test
  void emptyAndBlankTextGiveNoTokens() {
    assertAnalyzesTo(analyzer, "", new String[0], new int[0], new int[0]);
    assertAnalyzesTo(analyzer, " \t\n ", new String[0], new int[0], new int[0]);
    assertAnalyzesTo(analyzer, "!?... -- \"\"", new String[0], new int[0], new int[0]);
  }

  /** Words longer than StandardTokenizer's 255-character limit are cut, not dropped. */
  @Test
  void overlongWordIsCutAt255() {
    String text = "x".repeat(300) + " y";
    assertAnalyzesTo(
        analyzer,
        text,
        new String[] {"x".repeat(255), "x".repeat(45), "y"},
        new int[] {0, 255, 301},
        new int[] {255, 300, 302});
  }

  @Test
  void randomTextNeverThrowsAndOffsetsAreSane() {
    Random r = new Random(0x5EED_0001L);
    int[] lengths = {0, 1, 2, 3, 5, 8, 13, 40, 100, 300, 1000, 5000};
    for (int round = 0; round < 30; round++) {
      for (int len : lengths) {
        String text = TokenStreams.randomText(r, len + r.nextInt(len / 4 + 1));
        TokenStreams.Stream s = TokenStreams.analyse(analyzer, text);
        TokenStreams.assertOffsetsSane(text, s);
        for (TokenStreams.Tok t : s.tokens()) {
          assertTrue(t.term().length() <= 255 * 2, "term too long: " + t);
        }
        // The analyzer reuses its components: a second run must give the same stream.
        assertEquals(s, TokenStreams.analyse(analyzer, text), "re-analysing '" + text + "'");
      }
    }
  }

  @Test
  void randomTextTermsAreLowerCase() {
    Random r = new Random(0x5EED_0002L);
    for (int round = 0; round < 200; round++) {
      String text = TokenStreams.randomText(r, r.nextInt(200));
      List<TokenStreams.Tok> toks = TokenStreams.tokens(analyzer, text);
      for (TokenStreams.Tok t : toks) {
        t.term()
            .codePoints()
            .forEach(
                cp ->
                    assertEquals(
                        Character.toLowerCase(cp),
                        cp,
                        "not lower case: " + t + " in '" + text + "'"));
      }
    }
  }
}
