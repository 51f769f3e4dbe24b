package dev.vera.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TermHashTest {

  private static List<String> sampleTerms(int n, long seed) {
    Random r = new Random(seed);
    Set<String> terms = new HashSet<>();
    while (terms.size() < n) {
      terms.add(TokenStreams.randomText(r, 1 + r.nextInt(12)));
    }
    List<String> out = new ArrayList<>(terms);
    out.addAll(List.of("", " ", "a", "the", "shocking news", " sho", "news!", "\uD83D\uDE31"));
    return out;
  }

  @Test
  void wholeTermHashEqualsIncrementalHash() {
    for (String term : sampleTerms(2_000, 1)) {
      for (int seed : new int[] {0, 1, 2, 3, 4, -1, 12345, Integer.MAX_VALUE}) {
        int s = TermHash.start(seed);
        for (char c : term.toCharArray()) {
          s = TermHash.extend(s, c);
        }
        assertEquals(TermHash.finish(s), TermHash.hash(term, seed), "'" + term + "' seed " + seed);
        // Any CharSequence hashes like the String.
        assertEquals(TermHash.hash(term, seed), TermHash.hash(new StringBuilder(term), seed));
      }
    }
  }

  /** A bigram hashed by extending the first word's state equals the hash of "first second". */
  @Test
  void extendingAStateIsConcatenation() {
    int s = TermHash.start(2);
    for (char c : "shocking".toCharArray()) {
      s = TermHash.extend(s, c);
    }
    s = TermHash.extend(s, ' ');
    for (char c : "news".toCharArray()) {
      s = TermHash.extend(s, c);
    }
    assertEquals(TermHash.hash("shocking news", 2), TermHash.finish(s));
  }

  @Test
  void knownValues() {
    // Pins the function: model files store slots, so the hash must never change silently.
    assertEquals(0, TermHash.hash("", 0));
    assertEquals(TermHash.finish(0x9E3779B9), TermHash.hash("", 1));
    assertEquals(TermHash.finish(31 * 0x9E3779B9 + 'a'), TermHash.hash("a", 1));
  }

  /**
   * The state is {@code seed * 0x9E3779B9 * 31^len + poly(term)} and the finisher is a bijection,
   * so the same term under two seeds never collides in the full 32 bits; the masked slots collide
   * only by chance.
   */
  @Test
  void differentSeedsGiveDifferentHashes() {
    List<String> terms = sampleTerms(5_000, 2);
    int mask = (1 << 18) - 1;
    int pairs = 0;
    int slotCollisions = 0;
    for (String term : terms) {
      for (int a = 1; a <= 4; a++) {
        for (int b = a + 1; b <= 4; b++) {
          int ha = TermHash.hash(term, a);
          int hb = TermHash.hash(term, b);
          assertNotEquals(ha, hb, "'" + term + "' seeds " + a + ", " + b);
          pairs++;
          if ((ha & mask) == (hb & mask)) {
            slotCollisions++;
          }
        }
      }
    }
    // Chance alone gives about pairs / 2^18 = 0.1.
    assertTrue(slotCollisions <= 3, slotCollisions + " of " + pairs + " slot pairs collide");
  }

  @Test
  void finishIsABijectionOnASample() {
    Random r = new Random(3);
    Set<Integer> out = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      out.add(TermHash.finish(i * 0x9E3779B9 + r.nextInt(4)));
    }
    // Inputs may repeat (about 0); outputs must be as distinct as the inputs.
    Set<Integer> in = new HashSet<>();
    Random r2 = new Random(3);
    for (int i = 0; i < 100_000; i++) {
      in.add(i * 0x9E3779B9 + r2.nextInt(4));
    }
    assertEquals(in.size(), out.size());
  }

  /** Sequential terms are the hard case for a polynomial hash; the mixer must spread them. */
  @Test
  void lowBitsAreWellSpread() {
    List<List<String>> families = new ArrayList<>();
    List<String> sequential = new ArrayList<>();
    List<String> shortWords = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      sequential.add("term" + i);
    }
    // All two- and three-letter lower-case words and more: dense polynomial inputs.
    outer:
    for (char a = 'a'; a <= 'z'; a++) {
      for (char b = 'a'; b <= 'z'; b++) {
        for (char c = 'a'; c <= 'z'; c++) {
          for (char d = 'a'; d <= 'z'; d++) {
            shortWords.add("" + a + b + c + d);
            if (shortWords.size() == 100_000) {
              break outer;
            }
          }
        }
      }
    }
    families.add(sequential);
    families.add(shortWords);
    families.add(sampleTerms(100_000, 4).subList(0, 100_000));
    for (List<String> family : families) {
      for (int seed = 1; seed <= 4; seed++) {
        int[] buckets = new int[1024];
        for (String t : family) {
          buckets[TermHash.hash(t, seed) & 1023]++;
        }
        double mean = family.size() / 1024.0;
        int max = 0;
        int min = Integer.MAX_VALUE;
        for (int b : buckets) {
          max = Math.max(max, b);
          min = Math.min(min, b);
        }
        String what = "'" + family.get(0) + "'... seed " + seed + ": max " + max + " min " + min;
        assertTrue(max < 2 * mean, what);
        assertTrue(min > mean / 2, what);
      }
    }
  }
}
