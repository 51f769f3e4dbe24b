package dev.vera.text;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Character n-grams inside word boundaries: words (UAX #29), lower case, padded with a space on
 * each side, then every n-gram of {@code minGram..maxGram} characters. They catch spelling, word
 * forms and names that word features split too finely, and stay robust to typos.
 */
public final class CharNGramAnalyzer extends Analyzer {
  private final int minGram;
  private final int maxGram;

  public CharNGramAnalyzer(int minGram, int maxGram) {
    if (minGram < 1 || maxGram < minGram || maxGram > 8) {
      throw new IllegalArgumentException(
          "character n-gram range must satisfy 1 <= min <= max <= 8, was " + minGram + ".." + maxGram);
    }
    this.minGram = minGram;
    this.maxGram = maxGram;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    TokenStream stream = new LowerCaseFilter(source);
    stream = new WordBoundaryFilter(stream);
    stream = new NGramTokenFilter(stream, minGram, maxGram, false);
    return new TokenStreamComponents(source, stream);
  }
}
