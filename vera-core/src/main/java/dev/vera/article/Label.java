package dev.vera.article;

import java.util.Locale;
import java.util.Optional;

/** The two verdicts Vera gives: a credible article or a fake one. */
public enum Label {
  REAL("real", "✔"),
  FAKE("fake", "✖");

  private final String wireName;
  private final String mark;

  Label(String wireName, String mark) {
    this.wireName = wireName;
    this.mark = mark;
  }

  /** The lower-case name used in JSON, CSV and model files: {@code fake} or {@code real}. */
  public String wireName() {
    return wireName;
  }

  /** The mark of the founding format: ✔ for credible, ✖ for fake. */
  public String mark() {
    return mark;
  }

  /**
   * Parses a label as written in data files: {@code fake|real} (any case), or a founding-format
   * mark. Returns empty for anything else, so that callers can name the bad value in their error.
   */
  public static Optional<Label> parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    switch (t) {
      case "fake":
      case "✖":
        return Optional.of(FAKE);
      case "real":
      case "✔":
        return Optional.of(REAL);
      default:
        return Optional.empty();
    }
  }
}
