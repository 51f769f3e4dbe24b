package dev.vera.io;

import dev.vera.article.Label;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The header line of the founding format, {@code " date YYYY-MM-DD ✔|✖"}: the date (or {@code
 * unknown}), an optional mark giving the label, and optionally the probability that Vera's own
 * output writes after the mark, which is accepted and ignored.
 *
 * @param date the article's date, or null for {@code unknown}
 * @param label the label given by the mark, or null when there is no mark
 */
record SeedHeader(@Nullable LocalDate date, @Nullable Label label) {

  /** Loose enough to catch bad dates (so they are reported), strict enough to skip prose. */
  private static final Pattern LOOKS_LIKE_HEADER =
      Pattern.compile("^ ?date +(unknown|\\d{4}-\\d{1,2}-\\d{1,2})(\\s.*)?$");

  private static final Pattern PROBABILITY = Pattern.compile("\\d+(\\.\\d+)?|\\.\\d+");

  /** The emoji variation selector that some editors append to ✔ and ✖. */
  private static final String VARIATION_SELECTOR = "\uFE0F";

  /** {@code date} then a digit or {@code unknown}: a header, even when the date is malformed. */
  private static final Pattern STARTS_HEADER = Pattern.compile("^ ?date +(\\d|unknown(\\s|$))");

  /**
   * Whether a line starts a new record: after one optional space, {@code "date "} followed by
   * something date-like (a digit, or {@code unknown}). Such a line is a header even when the date
   * is wrong, so the bad record is rejected alone; a body line such as "date night was…" is not.
   */
  static boolean isHeader(String line) {
    return STARTS_HEADER.matcher(line).find();
  }

  /** Whether a first line is clearly meant as a header; used to detect the format. */
  static boolean looksLikeHeader(String line) {
    return LOOKS_LIKE_HEADER.matcher(line).matches();
  }

  /**
   * Parses a line for which {@link #isHeader} holds.
   *
   * @throws RecordProblem naming what is wrong with the date, the mark or what follows
   */
  static SeedHeader parse(String line) throws RecordProblem {
    String rest = line.strip().substring("date".length()).strip();
    String[] tokens = rest.isEmpty() ? new String[0] : rest.split("\\s+");
    if (tokens.length == 0) {
      throw new RecordProblem("header has no date after 'date' (expected YYYY-MM-DD or 'unknown')");
    }
    LocalDate date = null;
    if (!tokens[0].equals("unknown")) {
      date = ArticleDraft.isoDate(tokens[0]);
      if (date == null) {
        throw new RecordProblem(
            "header date " + Messages.quote(tokens[0]) + " is not a valid YYYY-MM-DD date");
      }
    }
    if (tokens.length == 1) {
      return new SeedHeader(date, null);
    }
    Label label = markLabel(tokens[1]);
    if (label == null) {
      throw new RecordProblem(
          "header has "
              + Messages.quote(tokens[1])
              + " after the date where ✔ (credible) or ✖ (fake) or nothing was expected");
    }
    if (tokens.length > 2 && !isProbability(tokens[2])) {
      throw new RecordProblem(
          "header has "
              + Messages.quote(tokens[2])
              + " after the mark where nothing or a probability such as 0.912 was expected");
    }
    if (tokens.length > 3) {
      throw new RecordProblem(
          "header has unexpected text "
              + Messages.quote(tokens[3])
              + " after the probability; expected ' date YYYY-MM-DD ✔|✖ [probability]'");
    }
    return new SeedHeader(date, label);
  }

  private static @Nullable Label markLabel(String token) {
    String mark = token.replace(VARIATION_SELECTOR, "");
    for (Label l : Label.values()) {
      if (l.mark().equals(mark)) {
        return l;
      }
    }
    return null;
  }

  private static boolean isProbability(String token) {
    return PROBABILITY.matcher(token).matches() && Double.parseDouble(token) <= 1.0;
  }
}
