package dev.vera.eval;

import java.util.Locale;

/** Number and text formatting shared by the table and the HTML page. */
public final class Format {

  /** Shown in place of an undefined figure, e.g. ROC-AUC with one class. */
  static final String UNDEFINED = "n/a";

  private Format() {}

  /** {@code value} with {@code decimals} decimals and a dot, or {@link #UNDEFINED} for NaN. */
  public static String fixed(double value, int decimals) {
    if (Double.isNaN(value)) {
      return UNDEFINED;
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  /** {@code share} as a percentage with one decimal, e.g. {@code 12.5%}. */
  public static String percent(double share) {
    return Double.isNaN(share) ? UNDEFINED : String.format(Locale.ROOT, "%.1f%%", 100.0 * share);
  }

  /** {@code text} with the characters HTML gives a meaning to replaced by entities. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
