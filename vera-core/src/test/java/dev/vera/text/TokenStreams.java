package dev.vera.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Exact token-stream assertions in the manner of Lucene's {@code BaseTokenStreamTestCase} (whose
 * test framework is not a dependency here): terms, start and end offsets, and the final offset.
 */
final class TokenStreams {
  private TokenStreams() {}

  /** One token: its term and offsets. */
  record Tok(String term, int start, int end) {}

  /**
   * The whole stream of {@code text}, consumed with the full reset/increment/end/close protocol.
   */
  static List<Tok> tokens(Analyzer analyzer, String text) {
    return analyse(analyzer, text).tokens();
  }

  record Stream(List<Tok> tokens, int finalOffset) {}

  static Stream analyse(Analyzer analyzer, String text) {
    List<Tok> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(new Tok(term.toString(), offset.startOffset(), offset.endOffset()));
      }
      ts.end();
      return new Stream(out, offset.endOffset());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Asserts that {@code text} analyses to exactly these terms with exactly these offsets, and that
   * the final offset is the text's length. Analyses twice, to check that the reused components were
   * reset.
   */
  static void assertAnalyzesTo(
      Analyzer analyzer, String text, String[] terms, int[] starts, int[] ends) {
    assertEquals(terms.length, starts.length, "test bug: starts");
    assertEquals(terms.length, ends.length, "test bug: ends");
    for (int pass = 0; pass < 2; pass++) {
      Stream s = analyse(analyzer, text);
      List<Tok> toks = s.tokens();
      String[] gotTerms = toks.stream().map(Tok::term).toArray(String[]::new);
      assertArrayEquals(terms, gotTerms, "terms of '" + text + "' (pass " + pass + ")");
      assertArrayEquals(
          starts, toks.stream().mapToInt(Tok::start).toArray(), "start offsets of '" + text + "'");
      assertArrayEquals(
          ends, toks.stream().mapToInt(Tok::end).toArray(), "end offsets of '" + text + "'");
      assertEquals(text.length(), s.finalOffset(), "final offset of '" + text + "'");
    }
  }

  /** Asserts the offset invariants Lucene's random tests check. */
  static void assertOffsetsSane(String text, Stream s) {
    int lastStart = 0;
    for (Tok t : s.tokens()) {
      String where = "token " + t + " of a text of length " + text.length();
      assertTrue(t.term().length() > 0, "empty term: " + where);
      assertTrue(t.start() >= 0 && t.start() <= t.end(), where);
      assertTrue(t.end() <= text.length(), where);
      assertTrue(t.start() >= lastStart, "start offsets go backwards: " + where);
      lastStart = t.start();
    }
    assertEquals(text.length(), s.finalOffset(), "final offset");
  }

  /**
   * A random string: mostly ASCII words, punctuation and spaces, some Latin-1, Cyrillic, CJK and
   * emoji, and now and then any UTF-16 unit at all (lone surrogates included).
   */
  static String randomText(Random r, int length) {
    StringBuilder sb = new StringBuilder(length + 2);
    while (sb.length() < length) {
      int k = r.nextInt(20);
      if (k < 8) {
        sb.append((char) ('a' + r.nextInt(26)));
      } else if (k < 9) {
        sb.append((char) ('A' + r.nextInt(26)));
      } else if (k < 11) {
        sb.append(" \t\n  ".charAt(r.nextInt(5)));
      } else if (k < 13) {
        sb.append(".,;:!?'\"-()[]$%&@#/\u2019\u201c\u201d".charAt(r.nextInt(21)));
      } else if (k < 14) {
        sb.append((char) ('0' + r.nextInt(10)));
      } else if (k < 15) {
        sb.append((char) (0xC0 + r.nextInt(0x40)));
      } else if (k < 16) {
        sb.append((char) (0x410 + r.nextInt(0x40)));
      } else if (k < 17) {
        sb.append((char) (0x4E00 + r.nextInt(0x5000)));
      } else if (k < 18) {
        sb.appendCodePoint(0x1F300 + r.nextInt(0x300));
      } else if (k < 19) {
        sb.appendCodePoint(r.nextInt(Character.MAX_CODE_POINT + 1));
      } else {
        sb.append((char) r.nextInt(0x10000));
      }
    }
    return sb.toString();
  }
}
