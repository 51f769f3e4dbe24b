package dev.vera.text;

import dev.vera.article.Article;
import java.util.Locale;

/**
 * A family of text features with its own hashing seed and its own length normalization, so that a
 * word in the title and the same word in the body are different evidence, and a long body does not
 * drown the title.
 */
public enum FeatureSpace {
  TITLE_WORDS(Part.TITLE, Kind.WORDS),
  BODY_WORDS(Part.BODY, Kind.WORDS),
  TITLE_CHARS(Part.TITLE, Kind.CHARS),
  BODY_CHARS(Part.BODY, Kind.CHARS);

  /** Which part of the article a space reads. */
  public enum Part {
    TITLE,
    BODY
  }

  /** Whether a space holds word n-grams or character n-grams. */
  public enum Kind {
    WORDS,
    CHARS
  }

  private final Part part;
  private final Kind kind;

  FeatureSpace(Part part, Kind kind) {
    this.part = part;
    this.kind = kind;
  }

  public Part part() {
    return part;
  }

  public Kind kind() {
    return kind;
  }

  /** The text of the article this space reads. */
  public String textOf(Article article) {
    return part == Part.TITLE ? article.title() : article.text();
  }

  /** The name used in model files and on the command line, e.g. {@code title-words}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses {@link #wireName()}; throws with the allowed names when unknown. */
  public static FeatureSpace parse(String name) {
    for (FeatureSpace s : values()) {
      if (s.wireName().equals(name.strip())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown feature space '"
            + name
            + "'; known: title-words, body-words, title-chars, body-chars");
  }
}
