package dev.vera.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vera.article.Article;
import dev.vera.fetch.HtmlArticleExtractor;
import dev.vera.io.Sizes;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One article as the API receives it: {@code {title, text, date?, url?, source?, id?}}, or only
 * {@code {url}} (then {@link #needsFetch()} and the page is fetched). A {@code url} given beside a
 * text is not fetched; it names the publisher when {@code source} is absent, as in {@code vera
 * check}.
 */
record ArticleRequest(
    @Nullable String id,
    @Nullable String title,
    @Nullable String text,
    @Nullable LocalDate date,
    @Nullable String url,
    @Nullable String source) {

  /** Parses and validates one article object; {@code field} names it in messages. */
  static ArticleRequest parse(JsonNode n, String field) {
    if (n == null || !n.isObject()) {
      throw ApiProblem.badRequest(
          "invalid-article",
          "Invalid article",
          field + " must be a JSON object with title and text, or url");
    }
    String id = string(n, "id", field);
    String title = string(n, "title", field);
    String text = string(n, "text", field);
    String url = string(n, "url", field);
    String source = string(n, "source", field);
    String dateText = string(n, "date", field);
    LocalDate date = null;
    if (dateText != null && !dateText.isBlank() && !dateText.equalsIgnoreCase("unknown")) {
      date = HtmlArticleExtractor.parseDate(dateText);
      if (date == null) {
        throw ApiProblem.badRequest(
            "invalid-article",
            "Invalid article",
            field + ".date must be a date such as 2018-06-14, was \"" + dateText + "\"");
      }
    }
    boolean hasText = (title != null && !title.isBlank()) || (text != null && !text.isBlank());
    if (!hasText && (url == null || url.isBlank())) {
      throw ApiProblem.badRequest(
          "invalid-article",
          "Invalid article",
          field
              + " has neither text nor title nor url: send {\"title\": …, \"text\": …} or {\"url\": …}");
    }
    return new ArticleRequest(id, title, text, date, url, source);
  }

  /** Whether the article must be fetched from its URL. */
  boolean needsFetch() {
    return (title == null || title.isBlank()) && (text == null || text.isBlank()) && url != null;
  }

  /** The article to judge, refused when over {@code maxArticleBytes}. */
  Article toArticle(long maxArticleBytes) {
    String t = title == null ? "" : title;
    String b = text == null ? "" : text;
    checkSize(t, b, maxArticleBytes);
    String domain =
        source != null && !source.isBlank() ? normalizeSource(source) : Article.domainOf(url);
    return new Article(id, t, b, date, url, domain, null, Map.of());
  }

  /** A fetched article, with this request's id and source when given. */
  Article withFetched(Article fetched, long maxArticleBytes) {
    checkSize(fetched.title(), fetched.text(), maxArticleBytes);
    String domain =
        source != null && !source.isBlank() ? normalizeSource(source) : fetched.source();
    LocalDate d = date != null ? date : fetched.date();
    return new Article(
        id, fetched.title(), fetched.text(), d, fetched.url(), domain, null, Map.of());
  }

  static void checkSize(String title, String text, long max) {
    long bytes = Sizes.utf8Length(title) + Sizes.utf8Length(text);
    if (bytes > max) {
      throw ApiProblem.tooLarge(
          "article-too-large",
          "Article too large",
          "the article is "
              + Sizes.describe(bytes)
              + ", over the "
              + Sizes.describe(max)
              + " limit (max_article_bytes = "
              + max
              + ", title and text in UTF-8)",
          "max_article_bytes",
          max);
    }
  }

  private static String normalizeSource(String s) {
    String d = Article.domainOf(s.contains("://") ? s : "http://" + s.strip());
    return d != null ? d : s.strip().toLowerCase(Locale.ROOT);
  }

  private static @Nullable String string(JsonNode n, String name, String field) {
    JsonNode v = n.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw ApiProblem.badRequest(
          "invalid-article", "Invalid article", field + "." + name + " must be a string");
    }
    return v.asText();
  }
}
