package dev.vera.text;

/**
 * Hashes a term's characters into a feature index. Features are hashed rather than kept in a
 * vocabulary: the model file then holds no strings (smaller, faster to load), unseen words cost
 * nothing at scoring time, and explanations still name words because they are read off the article
 * being explained. A distinct seed per {@link FeatureSpace} keeps spaces apart.
 */
final class TermHash {
  private TermHash() {}

  /** A 32-bit hash of {@code chars[0..len)} under {@code seed}, well mixed in every bit. */
  static int hash(char[] chars, int len, int seed) {
    int h = seed * 0x9E3779B9 + len;
    for (int i = 0; i < len; i++) {
      h = 31 * h + chars[i];
    }
    return fmix32(h);
  }

  /** Murmur3's finalizer: spreads the polynomial hash so that masking the low bits is fair. */
  static int fmix32(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
