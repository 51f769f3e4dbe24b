package dev.vera.text;

/**
 * Hashes terms into feature slots. Features are hashed rather than kept in a vocabulary: the model
 * file then holds no strings (smaller, faster to load), unseen words cost nothing at scoring time,
 * and explanations still name words because they are read off the article being explained. A
 * distinct seed per {@link FeatureSpace} keeps spaces apart.
 *
 * <p>The hash is a polynomial over the characters, so that it can be extended one character at a
 * time (word pairs and character n-grams are hashed without building strings), finished by
 * Murmur3's mixer so that masking the low bits is fair.
 */
public final class TermHash {
  private TermHash() {}

  /** The polynomial state before any character, for a seed. */
  static int start(int seed) {
    return seed * 0x9E3779B9;
  }

  /** The state after one more character. */
  static int extend(int state, char c) {
    return 31 * state + c;
  }

  /** The finished hash of a state. */
  static int finish(int state) {
    int h = state;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  /** The hash of a whole term under a seed: the same value the generator gives that term. */
  public static int hash(CharSequence term, int seed) {
    int s = start(seed);
    for (int i = 0; i < term.length(); i++) {
      s = extend(s, term.charAt(i));
    }
    return finish(s);
  }
}
