package dev.vera.text;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Words and word pairs: Unicode word segmentation (UAX #29), lower case, then unigrams and
 * bigrams ({@code "the cat"}) from a shingle filter. No stemming and no stop words: function words
 * and their pairs ("sources say", "is reportedly") are part of the style that separates fake from
 * credible reporting.
 */
public final class WordNGramAnalyzer extends Analyzer {
  private final int maxGram;

  /** Unigrams up to {@code maxGram}-grams; {@code maxGram} 1 gives words only. */
  public WordNGramAnalyzer(int maxGram) {
    if (maxGram < 1 || maxGram > 3) {
      throw new IllegalArgumentException("word n-gram size must be 1..3, was " + maxGram);
    }
    this.maxGram = maxGram;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    TokenStream stream = new LowerCaseFilter(source);
    if (maxGram > 1) {
      ShingleFilter shingles = new ShingleFilter(stream, 2, maxGram);
      shingles.setOutputUnigrams(true);
      // Pairs across removed tokens would invent phrases that were never written.
      shingles.setFillerToken("");
      stream = shingles;
    }
    return new TokenStreamComponents(source, stream);
  }
}
