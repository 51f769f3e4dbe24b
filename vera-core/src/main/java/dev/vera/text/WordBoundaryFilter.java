package dev.vera.text;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Wraps every term in one space on each side, so that the character n-grams cut from it afterwards
 * mark where a word begins and ends ({@code " th"} differs from {@code "th"}), as scikit-learn's
 * {@code char_wb} analyzer does. Offsets are left as they were: they still point at the word.
 */
public final class WordBoundaryFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  public WordBoundaryFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    int len = term.length();
    char[] buf = term.resizeBuffer(len + 2);
    System.arraycopy(buf, 0, buf, 1, len);
    buf[0] = ' ';
    buf[len + 1] = ' ';
    term.setLength(len + 2);
    return true;
  }
}
