package dev.vera.io;

import dev.vera.article.Article;
import dev.vera.article.Label;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The fields of one record as a format reader found them, before the checks every format shares:
 * stripping, the no-text and size rules, the default id and the source derived from the URL.
 */
final class ArticleDraft {

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  @Nullable String id;
  @Nullable String title;
  @Nullable String text;
  @Nullable LocalDate date;
  @Nullable String url;
  @Nullable String source;
  @Nullable Label label;
  @Nullable String corpus;
  final Map<String, String> splits = new LinkedHashMap<>();

  /**
   * The article these fields make.
   *
   * @param defaultId the id used when the record has none
   * @param maxArticleBytes the size limit for title plus text in UTF-8
   * @throws RecordProblem when title and text are both empty or the article is over the limit
   */
  Article finish(String defaultId, long maxArticleBytes) throws RecordProblem {
    String t = title == null ? "" : title.strip();
    String body = text == null ? "" : text.strip();
    if (t.isEmpty() && body.isEmpty()) {
      throw new RecordProblem("article has no text (title and text are empty)");
    }
    String tooBig =
        Sizes.articleOverLimit(Sizes.utf8Length(t) + Sizes.utf8Length(body), maxArticleBytes);
    if (tooBig != null) {
      throw new RecordProblem(tooBig);
    }
    String u = blankToNull(url);
    String s = blankToNull(source);
    if (s == null) {
      s = Article.domainOf(u);
    }
    String i = blankToNull(id);
    return new Article(
        i == null ? defaultId : i, t, body, date, u, s, label, splits, blankToNull(corpus));
  }

  /** The value stripped, or null when it is null or blank. */
  static @Nullable String blankToNull(@Nullable String value) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    return v.isEmpty() ? null : v;
  }

  /** The date written as {@code YYYY-MM-DD}, or null when {@code value} is not a real such date. */
  static @Nullable LocalDate isoDate(String value) {
    String v = value.strip();
    if (!ISO_DATE.matcher(v).matches()) {
      return null;
    }
    try {
      return LocalDate.parse(v); // ISO_LOCAL_DATE resolves strictly: no month 13, no 30 February
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * Parses a date field of JSONL or CSV: blank means no date.
   *
   * @param what how to name the field in a message, such as {@code "field 'date'"}
   */
  static @Nullable LocalDate parseDateField(@Nullable String value, String what)
      throws RecordProblem {
    if (value == null || value.isBlank()) {
      return null;
    }
    LocalDate d = isoDate(value);
    if (d == null) {
      throw new RecordProblem(
          what + " is " + Messages.quote(value) + ", which is not a valid YYYY-MM-DD date");
    }
    return d;
  }

  /**
   * Parses a label field of JSONL or CSV: blank means unlabelled.
   *
   * @param what how to name the field in a message, such as {@code "field 'label'"}
   */
  static @Nullable Label parseLabelField(@Nullable String value, String what) throws RecordProblem {
    if (value == null || value.isBlank()) {
      return null;
    }
    return Label.parse(value)
        .orElseThrow(
            () ->
                new RecordProblem(
                    what
                        + " is "
                        + Messages.quote(value)
                        + "; allowed values are 'fake' and 'real' (or none for an unlabelled"
                        + " article)"));
  }
}
