package dev.vera.text;

import dev.vera.article.Article;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A few interpretable signs of tabloid or fabricated writing, each a number a reader can check by
 * eye: shouting capitals, exclamation and question marks, quotation density, hedged attribution
 * ("allegedly", "a source close to") and length. They are rates, not counts, so that long articles
 * are not penalised for being long.
 */
public final class StyleFeatures {
  /** Feature names in vector order, as shown in explanations and stored in model files. */
  public static final List<String> NAMES =
      List.of(
          "caps_ratio",
          "title_caps_words",
          "exclamations_per_1k_chars",
          "title_exclamation",
          "questions_per_1k_chars",
          "title_question",
          "quotes_per_1k_chars",
          "hedges_per_1k_words",
          "log_body_words",
          "title_words");

  /** Phrases that attribute a claim to nobody in particular, or distance the writer from it. */
  public static final List<String> HEDGES =
      List.of(
          "allegedly",
          "reportedly",
          "rumor",
          "rumors",
          "rumored",
          "rumour",
          "rumours",
          "rumoured",
          "a source close to",
          "sources close to",
          "a source says",
          "a source said",
          "sources say",
          "an insider",
          "insiders",
          "a pal",
          "a friend of the couple",
          "supposedly",
          "it is believed",
          "tipster",
          "according to a source",
          "whispers",
          "speculation",
          "unconfirmed");

  /** The hedges by their first character, so that a text is scanned once for all of them. */
  private static final String[][] HEDGES_BY_FIRST = new String[128][];

  static {
    for (String h : HEDGES) {
      char c = h.charAt(0);
      String[] old = HEDGES_BY_FIRST[c];
      String[] grown = old == null ? new String[1] : Arrays.copyOf(old, old.length + 1);
      grown[grown.length - 1] = h;
      HEDGES_BY_FIRST[c] = grown;
    }
  }

  private StyleFeatures() {}

  /** The style vector of an article, in the order of {@link #NAMES}. */
  public static double[] compute(Article article) {
    String title = article.title();
    String body = article.text();
    // One pass over the body for the character rates and the word count: the style features
    // are computed with every score, so they are kept to a pass or two over the text.
    int letters = 0;
    int upper = 0;
    int exclam = 0;
    int quest = 0;
    int quotes = 0;
    int bodyWords = 0;
    boolean inWord = false;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      boolean ws = isWhitespace(c);
      if (!ws && !inWord) {
        bodyWords++;
      }
      inWord = !ws;
      if (isLetter(c)) {
        letters++;
        if (isUpperCase(c)) {
          upper++;
        }
      }
      switch (c) {
        case '!':
          exclam++;
          break;
        case '?':
          quest++;
          break;
        case '"':
        case '\u201c':
        case '\u201d':
          quotes++;
          break;
        default:
          break;
      }
    }
    quotes += count(title, '"') + count(title, '\u201c') + count(title, '\u201d');
    int chars = Math.max(1, body.length() + title.length());
    int titleWords = countWords(title);
    double[] v = new double[NAMES.size()];
    v[0] = letters == 0 ? 0 : (double) upper / letters;
    v[1] = titleCapsShare(title);
    v[2] = 1000.0 * (exclam + count(title, '!')) / chars;
    v[3] = title.indexOf('!') >= 0 ? 1 : 0;
    v[4] = 1000.0 * (quest + count(title, '?')) / chars;
    v[5] = title.indexOf('?') >= 0 ? 1 : 0;
    v[6] = 1000.0 * quotes / chars;
    // No hedge holds a line break, and a line break is no letter: the title and the body are
    // counted apart, as if joined by one.
    v[7] = 1000.0 * (countHedges(title) + countHedges(body)) / Math.max(1, bodyWords + titleWords);
    v[8] = Math.log1p(bodyWords);
    v[9] = titleWords;
    return v;
  }

  /** How many hedge phrases occur in the text (case-insensitive, whole phrase). */
  public static int countHedges(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    int n = 0;
    boolean afterLetter = false;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      // Whole phrases only: "a pal" is not "a palace", "rumor" not "rumormonger", and a hedge
      // starts where no letter precedes it. No hedge overlaps itself after a non-letter, so
      // trying every hedge at every such start finds what searching for each one would.
      if (!afterLetter && c < 128 && HEDGES_BY_FIRST[c] != null) {
        for (String h : HEDGES_BY_FIRST[c]) {
          int end = i + h.length();
          if (lower.startsWith(h, i) && (end == lower.length() || !isLetter(lower.charAt(end)))) {
            n++;
          }
        }
      }
      afterLetter = isLetter(c);
    }
    return n;
  }

  private static double titleCapsShare(String title) {
    int words = 0;
    int caps = 0;
    int letters = 0;
    boolean allUpper = true;
    // Words are split at the characters of the regular expression \s (not Character.isWhitespace).
    for (int i = 0; i <= title.length(); i++) {
      char c = i < title.length() ? title.charAt(i) : ' ';
      if (c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r') {
        if (letters >= 2) {
          words++;
          if (allUpper) {
            caps++;
          }
        }
        letters = 0;
        allUpper = true;
      } else if (isLetter(c)) {
        letters++;
        allUpper &= isUpperCase(c);
      }
    }
    return words == 0 ? 0 : (double) caps / words;
  }

  // Character's answers, with ASCII answered first: most characters of a news text are ASCII,
  // and these run over every character of every article scored.

  private static boolean isLetter(char c) {
    return c < 128 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : Character.isLetter(c);
  }

  private static boolean isUpperCase(char c) {
    return c < 128 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c);
  }

  private static boolean isWhitespace(char c) {
    return c < 128
        ? c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001c' && c <= '\u001f')
        : Character.isWhitespace(c);
  }

  private static int countWords(String s) {
    int n = 0;
    boolean inWord = false;
    for (int i = 0; i < s.length(); i++) {
      boolean ws = isWhitespace(s.charAt(i));
      if (!ws && !inWord) {
        n++;
      }
      inWord = !ws;
    }
    return n;
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }
}
