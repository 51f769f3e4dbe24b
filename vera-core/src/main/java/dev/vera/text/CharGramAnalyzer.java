package dev.vera.text;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;

/**
 * The chain character n-grams are cut from: whitespace-separated chunks, lower case. Unlike {@link
 * WordAnalyzer} it keeps punctuation attached to words ({@code "wow!!"}, {@code "(allegedly)"}),
 * because quotation marks, exclamation marks and ellipses are part of how fabricated stories are
 * written.
 */
public final class CharGramAnalyzer extends Analyzer {
  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    WhitespaceTokenizer source = new WhitespaceTokenizer();
    TokenStream stream = new LowerCaseFilter(source);
    return new TokenStreamComponents(source, stream);
  }
}
