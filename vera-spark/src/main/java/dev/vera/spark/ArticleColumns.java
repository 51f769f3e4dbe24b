package dev.vera.spark;

import dev.vera.article.Article;
import dev.vera.io.Sizes;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;

/**
 * Where the article fields are in the input's rows, with the column names Vera's own readers accept
 * ({@code title|headline}, {@code text|body|content}, {@code url|link|news_url}, {@code
 * source|domain|publisher}; case-insensitive), and the same rules: title and text stripped, not
 * both empty, at most 1 MB together, the source taken from the URL when the record names none.
 */
final class ArticleColumns implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The size limit of title plus text, as in {@code vera check}/{@code vera scan}'s default. */
  static final long MAX_ARTICLE_BYTES = 1_000_000;

  static final List<String> ID = List.of("id");
  static final List<String> TITLE = List.of("title", "headline");
  static final List<String> TEXT = List.of("text", "body", "content");
  static final List<String> URL = List.of("url", "link");
  static final List<String> NEWS_URL = List.of("news_url");
  static final List<String> SOURCE = List.of("source", "domain", "publisher");

  /** Where Spark's JSON and CSV readers put a record they could not parse (PERMISSIVE mode). */
  static final List<String> CORRUPT = List.of("_corrupt_record");

  private final int id;
  private final int title;
  private final int text;
  private final int url;
  private final int newsUrl;
  private final int source;
  private final int corrupt;

  private ArticleColumns(
      int id, int title, int text, int url, int newsUrl, int source, int corrupt) {
    this.corrupt = corrupt;
    this.id = id;
    this.title = title;
    this.text = text;
    this.url = url;
    this.newsUrl = newsUrl;
    this.source = source;
  }

  /** The columns of {@code schema}; refuses an input with neither a title nor a text column. */
  static ArticleColumns of(StructType schema) throws UsageException {
    String[] names = schema.fieldNames();
    int title = find(names, TITLE);
    int text = find(names, TEXT);
    if (title < 0 && text < 0) {
      throw new UsageException(
          "the input has no title or text column (looked for "
              + String.join(", ", TITLE)
              + ", "
              + String.join(", ", TEXT)
              + "; found "
              + String.join(", ", names)
              + ")");
    }
    return new ArticleColumns(
        find(names, ID),
        title,
        text,
        find(names, URL),
        find(names, NEWS_URL),
        find(names, SOURCE),
        find(names, CORRUPT));
  }

  private static int find(String[] names, List<String> wanted) {
    for (String w : wanted) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].toLowerCase(Locale.ROOT).equals(w)) {
          return i;
        }
      }
    }
    return -1;
  }

  /** The article of one row. */
  Article article(Row row) throws RecordProblem {
    String bad = value(row, corrupt);
    if (bad != null) {
      throw new RecordProblem(
          "the record could not be parsed: "
              + (bad.length() > 80 ? bad.substring(0, 80) + "…" : bad));
    }
    String t = stripped(row, title);
    String body = stripped(row, text);
    if (t.isEmpty() && body.isEmpty()) {
      throw new RecordProblem("article has no text (title and text are empty)");
    }
    long bytes = Sizes.utf8Length(t) + Sizes.utf8Length(body);
    if (bytes > MAX_ARTICLE_BYTES) {
      throw new RecordProblem(
          "article is " + bytes + " bytes of UTF-8, over the limit of " + MAX_ARTICLE_BYTES);
    }
    String u = blankToNull(row, url);
    if (u == null) {
      u = blankToNull(row, newsUrl);
    }
    String s = blankToNull(row, source);
    if (s == null) {
      s = Article.domainOf(u);
    }
    return new Article(blankToNull(row, id), t, body, null, u, s, null, Map.of());
  }

  private static String stripped(Row row, int i) {
    String v = value(row, i);
    return v == null ? "" : v.strip();
  }

  private static @Nullable String blankToNull(Row row, int i) {
    String v = value(row, i);
    if (v == null) {
      return null;
    }
    v = v.strip();
    return v.isEmpty() ? null : v;
  }

  private static @Nullable String value(Row row, int i) {
    if (i < 0 || row.isNullAt(i)) {
      return null;
    }
    Object o = row.get(i);
    return o == null ? null : o.toString();
  }

  /** A record that cannot be judged; the row gets an error instead of a verdict. */
  static final class RecordProblem extends Exception {
    private static final long serialVersionUID = 1L;

    RecordProblem(String message) {
      super(message);
    }
  }
}
