package dev.vera.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.text.FeatureSpace.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TermGeneratorTest {
  private static final int WORD_SEED = 2;
  private static final int CHAR_SEED = 4;

  /** One emitted term, copied out of the generator's buffer. */
  record Term(Kind kind, String text, int hash, int start, int end) {
    static Term w(String text, int start, int end) {
      return new Term(Kind.WORDS, text, TermHash.hash(text, WORD_SEED), start, end);
    }

    static Term c(String text, int start, int end) {
      return new Term(Kind.CHARS, text, TermHash.hash(text, CHAR_SEED), start, end);
    }
  }

  static List<Term> generate(TermGenerator g, String text, int wordSeed, int charSeed) {
    List<Term> out = new ArrayList<>();
    g.generate(
        text,
        wordSeed,
        charSeed,
        (kind, hash, buf, off, len, start, end) ->
            out.add(new Term(kind, new String(buf, off, len), hash, start, end)));
    return out;
  }

  @Test
  void shockingNewsBigramsAndCharGrams3To5() {
    TermGenerator g = new TermGenerator(2, 3, 5);
    List<Term> expected =
        List.of(
            // Word pass: each unigram, then the bigram ending at it.
            Term.w("shocking", 0, 8),
            Term.w("news", 9, 13),
            Term.w("shocking news", 0, 13),
            // Character pass over " shocking ": by start position, then by length.
            Term.c(" sh", 0, 8),
            Term.c(" sho", 0, 8),
            Term.c(" shoc", 0, 8),
            Term.c("sho", 0, 8),
            Term.c("shoc", 0, 8),
            Term.c("shock", 0, 8),
            Term.c("hoc", 0, 8),
            Term.c("hock", 0, 8),
            Term.c("hocki", 0, 8),
            Term.c("ock", 0, 8),
            Term.c("ocki", 0, 8),
            Term.c("ockin", 0, 8),
            Term.c("cki", 0, 8),
            Term.c("ckin", 0, 8),
            Term.c("cking", 0, 8),
            Term.c("kin", 0, 8),
            Term.c("king", 0, 8),
            Term.c("king ", 0, 8),
            Term.c("ing", 0, 8),
            Term.c("ing ", 0, 8),
            Term.c("ng ", 0, 8),
            // ... and over " news! ", the punctuation kept.
            Term.c(" ne", 9, 14),
            Term.c(" new", 9, 14),
            Term.c(" news", 9, 14),
            Term.c("new", 9, 14),
            Term.c("news", 9, 14),
            Term.c("news!", 9, 14),
            Term.c("ews", 9, 14),
            Term.c("ews!", 9, 14),
            Term.c("ews! ", 9, 14),
            Term.c("ws!", 9, 14),
            Term.c("ws! ", 9, 14),
            Term.c("s! ", 9, 14));
    assertEquals(expected, generate(g, "Shocking news!", WORD_SEED, CHAR_SEED));
  }

  @Test
  void unigramsOnlyWhenWordMaxGramIs1() {
    TermGenerator g = new TermGenerator(1, 3, 5);
    assertEquals(
        List.of(Term.w("the", 0, 3), Term.w("cat", 4, 7), Term.w("sat", 8, 11)),
        generate(g, "The cat sat", WORD_SEED, -1));
  }

  @Test
  void wordMaxGram3EmitsTrigrams() {
    TermGenerator g = new TermGenerator(3, 3, 5);
    assertEquals(
        List.of(
            Term.w("the", 0, 3),
            Term.w("cat", 4, 7),
            Term.w("the cat", 0, 7),
            Term.w("sat", 8, 11),
            Term.w("cat sat", 4, 11),
            Term.w("the cat sat", 0, 11),
            Term.w("on", 13, 15),
            Term.w("sat on", 8, 15),
            Term.w("cat sat on", 4, 15),
            Term.w("mat's", 16, 21),
            Term.w("on mat's", 13, 21),
            Term.w("sat on mat's", 8, 21)),
        generate(g, "The cat sat, on MAT'S!", WORD_SEED, -1));
  }

  /** A padded chunk shorter than the smallest gram is one term, the whole padded chunk. */
  @Test
  void chunkShorterThanMinimumGramIsEmittedWholeOnce() {
    TermGenerator g = new TermGenerator(2, 4, 6);
    assertEquals(
        List.of(
            Term.c(" a ", 0, 1),
            Term.c(" bb ", 2, 4),
            Term.c(" ccc", 5, 8),
            Term.c(" ccc ", 5, 8),
            Term.c("ccc ", 5, 8)),
        generate(g, "A bb ccc", -1, CHAR_SEED));
    // With the usual 3..5, a one-letter chunk padded is exactly one 3-gram.
    assertEquals(
        List.of(Term.c(" i ", 0, 1)), generate(new TermGenerator(2, 3, 5), "I", -1, CHAR_SEED));
  }

  @Test
  void charGramsCarryTheOffsetsOfTheirChunk() {
    TermGenerator g = new TermGenerator(2, 3, 5);
    String text = "  Wow!!   \u201cWHAT\u201d\tnext...";
    int[][] chunks = {{2, 7}, {10, 16}, {17, 24}};
    List<Term> terms = generate(g, text, -1, CHAR_SEED);
    int c = 0;
    for (Term t : terms) {
      while (c < chunks.length && !(t.start() == chunks[c][0] && t.end() == chunks[c][1])) {
        c++;
      }
      assertTrue(c < chunks.length, "term " + t + " is not on a chunk, or out of order");
      String chunk = " " + text.substring(t.start(), t.end()).toLowerCase(Locale.ROOT) + " ";
      assertTrue(chunk.contains(t.text()), t + " is not a gram of '" + chunk + "'");
    }
    // 5-char chunk padded to 7: 5+4+3 grams; 6 -> 8: 6+5+4; 7 -> 9: 7+6+5.
    assertEquals(12 + 15 + 18, terms.size());
  }

  @Test
  void seedMinusOneDisablesAKind() {
    TermGenerator g = new TermGenerator(2, 3, 5);
    String text = "Shocking news!";
    List<Term> both = generate(g, text, WORD_SEED, CHAR_SEED);
    List<Term> words = generate(g, text, WORD_SEED, -1);
    List<Term> chars = generate(g, text, -1, CHAR_SEED);
    assertEquals(3, words.size());
    assertTrue(words.stream().allMatch(t -> t.kind() == Kind.WORDS));
    assertEquals(33, chars.size());
    assertTrue(chars.stream().allMatch(t -> t.kind() == Kind.CHARS));
    List<Term> concat = new ArrayList<>(words);
    concat.addAll(chars);
    assertEquals(both, concat);
    assertEquals(List.of(), generate(g, text, -1, -1));
    assertEquals(List.of(), generate(g, "", WORD_SEED, CHAR_SEED));
  }

  /** Seed 0 is a valid seed (only negative seeds disable). */
  @Test
  void seedZeroIsASeed() {
    TermGenerator g = new TermGenerator(1, 3, 3);
    List<Term> terms = generate(g, "ab", 0, 0);
    assertEquals(
        List.of(
            new Term(Kind.WORDS, "ab", TermHash.hash("ab", 0), 0, 2),
            new Term(Kind.CHARS, " ab", TermHash.hash(" ab", 0), 0, 2),
            new Term(Kind.CHARS, "ab ", TermHash.hash("ab ", 0), 0, 2)),
        terms);
  }

  @Test
  void hashesDependOnTheSeedPassed() {
    TermGenerator g = new TermGenerator(2, 3, 5);
    for (int seed : new int[] {0, 1, 2, 3, 4, 7, 1000}) {
      for (Term t : generate(g, "Shocking news! Brad Pitt's ex-wife", seed, seed + 1)) {
        int s = t.kind() == Kind.WORDS ? seed : seed + 1;
        assertEquals(TermHash.hash(t.text(), s), t.hash(), t + " under seed " + s);
      }
    }
  }

  /**
   * Chunks longer than 64 characters are cut to their first 64 before padding (a documented limit
   * of the padded buffer); their grams still carry the whole chunk's offsets.
   */
  @Test
  void longChunkIsCutTo64Characters() {
    TermGenerator g = new TermGenerator(2, 3, 5);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      sb.append((char) ('a' + i % 26));
    }
    String word = sb.toString();
    List<Term> terms = generate(g, word, -1, CHAR_SEED);
    // Padded length 66: 64 + 63 + 62 grams.
    assertEquals(189, terms.size());
    String padded = " " + word.substring(0, 64) + " ";
    assertEquals(" ab", terms.get(0).text());
    assertEquals("l ", terms.get(terms.size() - 1).text().substring(1));
    for (Term t : terms) {
      assertTrue(padded.contains(t.text()), t.text());
      assertEquals(0, t.start());
      assertEquals(100, t.end());
    }
  }

  /**
   * Property test over random text, long words included (they grow the generator's pair and triple
   * buffers): every hash is the hash of the term's characters under the right seed; word terms are
   * 1..n words whose offsets frame them; character grams have the configured lengths.
   */
  @Test
  void randomTextHashesMatchTermStrings() {
    Random r = new Random(0x5EED_0004L);
    TermGenerator[] gens = {
      new TermGenerator(1, 1, 1), new TermGenerator(2, 3, 5), new TermGenerator(3, 2, 8)
    };
    int[][] ranges = {{1, 1}, {3, 5}, {2, 8}};
    int[] maxWords = {1, 2, 3};
    for (int round = 0; round < 150; round++) {
      String text = TokenStreams.randomText(r, r.nextInt(400));
      if (round % 5 == 0) {
        // Words of 20..200 letters.
        StringBuilder sb = new StringBuilder(text);
        for (int k = 0; k < 4; k++) {
          sb.append(' ');
          int n = 20 + r.nextInt(180);
          for (int i = 0; i < n; i++) {
            sb.append((char) ('a' + r.nextInt(26)));
          }
        }
        text = sb.toString();
      }
      for (int gi = 0; gi < gens.length; gi++) {
        int wordSeed = r.nextInt(5);
        int charSeed = r.nextInt(5);
        for (Term t : generate(gens[gi], text, wordSeed, charSeed)) {
          String where = t + " in '" + text + "'";
          assertTrue(t.start() >= 0 && t.start() <= t.end() && t.end() <= text.length(), where);
          if (t.kind() == Kind.WORDS) {
            assertEquals(TermHash.hash(t.text(), wordSeed), t.hash(), where);
            int words = t.text().split(" ", -1).length;
            assertTrue(words >= 1 && words <= maxWords[gi], where);
          } else {
            assertEquals(TermHash.hash(t.text(), charSeed), t.hash(), where);
            int len = t.text().length();
            boolean inRange = len >= ranges[gi][0] && len <= ranges[gi][1];
            boolean wholeShortChunk =
                len < ranges[gi][0] && t.text().startsWith(" ") && t.text().endsWith(" ");
            assertTrue(inRange || wholeShortChunk, where);
          }
        }
      }
    }
  }

  @Test
  void rejectsBadSizes() {
    assertEquals(
        "word n-gram size must be 1..3, was 0",
        assertThrows(IllegalArgumentException.class, () -> new TermGenerator(0, 3, 5))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> new TermGenerator(4, 3, 5));
    assertEquals(
        "character n-gram range must satisfy 1 <= min <= max <= 8, was 5..3",
        assertThrows(IllegalArgumentException.class, () -> new TermGenerator(2, 5, 3))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> new TermGenerator(2, 0, 3));
    assertThrows(IllegalArgumentException.class, () -> new TermGenerator(2, 3, 9));
    new TermGenerator(3, 1, 8);
  }
}
