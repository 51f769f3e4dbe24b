package dev.vera.text;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.FilteredBreakIteratorBuilder;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into sentences with ICU's sentence break rules (Unicode UAX #29), filtered by ICU's
 * English abbreviation list so that "Mr. Smith" or "Jan. 5" stay in one sentence (the list is
 * ICU's: it lacks "Sen."). ICU rather than the JDK's {@code BreakIterator}: the JDK breaks after
 * "Mr." and runs a headline into the paragraph under it, while ICU ends a sentence at a line break.
 * No model file is needed, unlike OpenNLP's sentence detector. The one splitter of Vera:
 * check-worthy claims and the sentences of explanations are cut alike. Thread-safe: each call makes
 * its own iterator.
 */
public final class SentenceSplitter {
  /** Longer sentences are cut here: a "sentence" of 2,000 characters is a list or a table. */
  public static final int MAX_SENTENCE_CHARS = 2000;

  /**
   * A splitter for every caller: it is thread-safe, and building ICU's filtered rules is not free.
   */
  public static final SentenceSplitter ENGLISH = new SentenceSplitter();

  private final BreakIterator prototype;

  private SentenceSplitter() {
    this.prototype =
        FilteredBreakIteratorBuilder.getInstance(ULocale.ENGLISH)
            .wrapIteratorWithFilter(BreakIterator.getSentenceInstance(ULocale.ENGLISH));
  }

  /** The non-blank sentences of {@code text}, in order, trimmed, with their offsets. */
  public List<Sentence> split(String text) {
    BreakIterator it;
    synchronized (prototype) {
      it = (BreakIterator) prototype.clone();
    }
    it.setText(text);
    List<Sentence> out = new ArrayList<>();
    int start = it.first();
    for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      add(text, start, end, out);
    }
    return out;
  }

  private static void add(String text, int start, int end, List<Sentence> out) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (start == end) {
      return;
    }
    for (int s = start; s < end; s += MAX_SENTENCE_CHARS) {
      int e = Math.min(end, s + MAX_SENTENCE_CHARS);
      out.add(new Sentence(text.substring(s, e), s, e));
    }
  }
}
