package dev.vera.text;

import dev.vera.article.Article;
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

  private StyleFeatures() {}

  /** The style vector of an article, in the order of {@link #NAMES}. */
  public static double[] compute(Article article) {
    String title = article.title();
    String body = article.text();
    int letters = 0;
    int upper = 0;
    int exclam = 0;
    int quest = 0;
    int quotes = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        if (Character.isUpperCase(c)) {
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
    int bodyWords = countWords(body);
    int titleWords = countWords(title);
    double[] v = new double[NAMES.size()];
    v[0] = letters == 0 ? 0 : (double) upper / letters;
    v[1] = titleCapsShare(title);
    v[2] = 1000.0 * (exclam + count(title, '!')) / chars;
    v[3] = title.indexOf('!') >= 0 ? 1 : 0;
    v[4] = 1000.0 * (quest + count(title, '?')) / chars;
    v[5] = title.indexOf('?') >= 0 ? 1 : 0;
    v[6] = 1000.0 * quotes / chars;
    v[7] = 1000.0 * countHedges(title + "\n" + body) / Math.max(1, bodyWords + titleWords);
    v[8] = Math.log1p(bodyWords);
    v[9] = titleWords;
    return v;
  }

  /** How many hedge phrases occur in the text (case-insensitive, whole phrase). */
  public static int countHedges(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    int n = 0;
    for (String h : HEDGES) {
      for (int i = lower.indexOf(h); i >= 0; i = lower.indexOf(h, i + h.length())) {
        int end = i + h.length();
        // Whole phrases only: "a pal" is not "a palace", "rumor" not "rumormonger".
        boolean startOk = i == 0 || !Character.isLetter(lower.charAt(i - 1));
        boolean endOk = end == lower.length() || !Character.isLetter(lower.charAt(end));
        if (startOk && endOk) {
          n++;
        }
      }
    }
    return n;
  }

  private static double titleCapsShare(String title) {
    int words = 0;
    int caps = 0;
    for (String w : title.split("\\s+")) {
      int letters = 0;
      boolean allUpper = true;
      for (int i = 0; i < w.length(); i++) {
        char c = w.charAt(i);
        if (Character.isLetter(c)) {
          letters++;
          allUpper &= Character.isUpperCase(c);
        }
      }
      if (letters >= 2) {
        words++;
        if (allUpper) {
          caps++;
        }
      }
    }
    return words == 0 ? 0 : (double) caps / words;
  }

  private static int countWords(String s) {
    int n = 0;
    boolean inWord = false;
    for (int i = 0; i < s.length(); i++) {
      boolean ws = Character.isWhitespace(s.charAt(i));
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
