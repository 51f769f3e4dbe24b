package dev.vera.text;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Vera's analysis chain: Unicode word segmentation (UAX #29) then lower case. No stemming and no
 * stop words: function words and their pairs ("sources say", "is reportedly") are part of the style
 * that separates fabricated from credible reporting. Every text feature is an n-gram of this token
 * stream (see {@link TermGenerator}).
 */
public final class WordAnalyzer extends Analyzer {
  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    TokenStream stream = new LowerCaseFilter(source);
    return new TokenStreamComponents(source, stream);
  }
}
