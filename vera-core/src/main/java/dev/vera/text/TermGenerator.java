package dev.vera.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.IntConsumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.jspecify.annotations.Nullable;

/**
 * Expands token streams into hashed terms: word n-grams ({@code "the"}, {@code "the cat"}) of the
 * {@link WordAnalyzer} stream, and character n-grams of each {@link CharGramAnalyzer} chunk padded
 * with a space on both sides ({@code " ca"}, {@code "cat"}, {@code "at!"}), as scikit-learn's
 * {@code char_wb} analyzer cuts them. The n-grams are made here rather than by Lucene's shingle and
 * n-gram filters because a GossipCop article yields about ten thousand terms: hashing them straight
 * from the token buffer, without a token object each, keeps scoring cheap.
 *
 * <p>Terms are hashed incrementally and handed over as a buffer slice, never as a String, unless
 * the visitor makes one.
 */
final class TermGenerator {
  private static final int MAX_WORD = 64;
  private final Analyzer wordAnalyzer = new WordAnalyzer();
  private final Analyzer charAnalyzer = new CharGramAnalyzer();
  private final int wordMaxGram;
  private final int charMinGram;
  private final int charMaxGram;

  /** Receives each term of a text. The buffer is only valid during the call. */
  @FunctionalInterface
  interface Visitor {
    /**
     * @param kind words or characters
     * @param hash the term's hash under its space's seed
     * @param buf, off, len the term's characters
     * @param start, end the offsets of the word(s) the term came from, in the analysed text
     */
    void term(FeatureSpace.Kind kind, int hash, char[] buf, int off, int len, int start, int end);
  }

  TermGenerator(int wordMaxGram, int charMinGram, int charMaxGram) {
    if (wordMaxGram < 1 || wordMaxGram > 3) {
      throw new IllegalArgumentException("word n-gram size must be 1..3, was " + wordMaxGram);
    }
    if (charMinGram < 1 || charMaxGram < charMinGram || charMaxGram > 8) {
      throw new IllegalArgumentException(
          "character n-gram range must satisfy 1 <= min <= max <= 8, was "
              + charMinGram
              + ".."
              + charMaxGram);
    }
    this.wordMaxGram = wordMaxGram;
    this.charMinGram = charMinGram;
    this.charMaxGram = charMaxGram;
  }

  /**
   * Visits the terms of {@code text}.
   *
   * @param wordSeed seed of the word space, or -1 for no word terms
   * @param charSeed seed of the character space, or -1 for no character terms
   */
  void generate(String text, int wordSeed, int charSeed, Visitor visitor) {
    generate(text, wordSeed, charSeed, -1, null, visitor);
  }

  /**
   * Visits the terms of {@code text}, and also hands each word (unigram) hashed with {@code
   * unigramSeed} to {@code unigrams}, from the same pass over the token stream.
   *
   * @param unigramSeed the seed of the unigram hashes, used when {@code unigrams} is given
   * @param unigrams receives each word's hash, or null for none
   */
  void generate(
      String text,
      int wordSeed,
      int charSeed,
      int unigramSeed,
      @Nullable IntConsumer unigrams,
      Visitor visitor) {
    if (text.isEmpty()) {
      return;
    }
    if (wordSeed >= 0 || unigrams != null) {
      State st = new State();
      run(
          wordAnalyzer,
          text,
          (buf, len, start, end) -> {
            if (unigrams != null) {
              int h = TermHash.start(unigramSeed);
              for (int i = 0; i < len; i++) {
                h = TermHash.extend(h, buf[i]);
              }
              unigrams.accept(TermHash.finish(h));
            }
            if (wordSeed >= 0) {
              words(st, buf, len, start, end, wordSeed, visitor);
            }
          });
    }
    if (charSeed >= 0) {
      State st = new State();
      run(
          charAnalyzer,
          text,
          (buf, len, start, end) -> chars(st, buf, len, start, end, charSeed, visitor));
    }
  }

  /** Receives each token of a stream, without copying it. */
  @FunctionalInterface
  private interface TokenVisitor {
    void token(char[] buf, int len, int start, int end);
  }

  private static void run(Analyzer analyzer, String text, TokenVisitor visitor) {
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        visitor.token(term.buffer(), term.length(), offset.startOffset(), offset.endOffset());
      }
      ts.end();
    } catch (IOException e) {
      // Analysis reads from a String: an IOException here is a bug, not bad input.
      throw new UncheckedIOException(e);
    }
  }

  private void words(State st, char[] buf, int len, int start, int end, int seed, Visitor visitor) {
    int unigram = TermHash.start(seed);
    for (int i = 0; i < len; i++) {
      unigram = TermHash.extend(unigram, buf[i]);
    }
    visitor.term(FeatureSpace.Kind.WORDS, TermHash.finish(unigram), buf, 0, len, start, end);
    if (wordMaxGram >= 2 && st.prevLen > 0) {
      // "prev cur": the previous word's polynomial state extended by a space and this word.
      int h = TermHash.extend(st.prevState, ' ');
      int n = st.copy(st.prevChars, st.prevLen, buf, len);
      for (int i = 0; i < len; i++) {
        h = TermHash.extend(h, buf[i]);
      }
      visitor.term(FeatureSpace.Kind.WORDS, TermHash.finish(h), st.pair, 0, n, st.prevStart, end);
      if (wordMaxGram >= 3 && st.prev2Len > 0) {
        int t = TermHash.extend(st.pairState, ' ');
        for (int i = 0; i < len; i++) {
          t = TermHash.extend(t, buf[i]);
        }
        int m = st.copyTriple(buf, len);
        visitor.term(
            FeatureSpace.Kind.WORDS, TermHash.finish(t), st.triple, 0, m, st.prev2Start, end);
      }
      st.pairState = h;
    } else {
      st.pairState = 0;
    }
    st.shift(buf, len, unigram, start);
  }

  private void chars(State st, char[] buf, int len, int start, int end, int seed, Visitor visitor) {
    int n = Math.min(len, MAX_WORD) + 2;
    char[] p = st.padded;
    p[0] = ' ';
    System.arraycopy(buf, 0, p, 1, n - 2);
    p[n - 1] = ' ';
    int s0 = TermHash.start(seed);
    if (n < charMinGram) {
      int h = s0;
      for (int j = 0; j < n; j++) {
        h = TermHash.extend(h, p[j]);
      }
      visitor.term(FeatureSpace.Kind.CHARS, TermHash.finish(h), p, 0, n, start, end);
      return;
    }
    for (int i = 0; i + charMinGram <= n; i++) {
      int h = s0;
      int last = Math.min(n, i + charMaxGram);
      for (int j = i; j < last; j++) {
        h = TermHash.extend(h, p[j]);
        int gram = j - i + 1;
        if (gram >= charMinGram) {
          visitor.term(FeatureSpace.Kind.CHARS, TermHash.finish(h), p, i, gram, start, end);
        }
      }
    }
  }

  /** The previous words of the stream, and buffers for the terms made from them. */
  private static final class State {
    final char[] padded = new char[MAX_WORD + 2];
    char[] prevChars = new char[32];
    int prevLen;
    int prevState;
    int prevStart;
    char[] prev2Chars = new char[32];
    int prev2Len;
    int prev2Start;
    int pairState;
    char[] pair = new char[66];
    char[] triple = new char[100];

    /** Writes "a b" into {@link #pair}; returns its length. */
    int copy(char[] a, int aLen, char[] b, int bLen) {
      int n = aLen + 1 + bLen;
      if (pair.length < n) {
        pair = new char[n * 2];
      }
      System.arraycopy(a, 0, pair, 0, aLen);
      pair[aLen] = ' ';
      System.arraycopy(b, 0, pair, aLen + 1, bLen);
      return n;
    }

    /** Writes "prev2 prev cur" into {@link #triple}; returns its length. */
    int copyTriple(char[] cur, int curLen) {
      int n = prev2Len + 1 + prevLen + 1 + curLen;
      if (triple.length < n) {
        triple = new char[n * 2];
      }
      System.arraycopy(prev2Chars, 0, triple, 0, prev2Len);
      triple[prev2Len] = ' ';
      System.arraycopy(prevChars, 0, triple, prev2Len + 1, prevLen);
      triple[prev2Len + 1 + prevLen] = ' ';
      System.arraycopy(cur, 0, triple, prev2Len + prevLen + 2, curLen);
      return n;
    }

    void shift(char[] buf, int len, int state, int start) {
      char[] t = prev2Chars;
      prev2Chars = prevChars;
      prev2Len = prevLen;
      prev2Start = prevStart;
      if (t.length < len) {
        t = new char[len * 2];
      }
      System.arraycopy(buf, 0, t, 0, len);
      prevChars = t;
      prevLen = len;
      prevState = state;
      prevStart = start;
    }
  }
}
