package dev.vera.cli;

import dev.vera.article.Article;
import dev.vera.fetch.ArticleFetcher;
import dev.vera.fetch.FetchException;
import dev.vera.fetch.FetchOptions;
import dev.vera.io.ArticleReader;
import dev.vera.io.ReadOutcome;
import dev.vera.io.ReaderOptions;
import dev.vera.io.RecordLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Inputs that may be http(s) URLs as well as files: a URL is fetched and its article extracted
 * (one record named by the URL); a failed fetch is a rejected record, like an unreadable file, so
 * the other inputs are still judged.
 */
final class UrlInputs {
  private UrlInputs() {}

  static boolean isUrl(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.startsWith("http://") || n.startsWith("https://");
  }

  /**
   * One reader over every input in order; URLs are fetched when their turn comes. Without URLs
   * this is {@link Inputs#open}, unchanged.
   */
  static ArticleReader open(
      List<String> names, ReaderOptions options, InputStream stdin, FetchOptions fetch)
      throws IOException {
    if (names.stream().noneMatch(UrlInputs::isUrl)) {
      return Inputs.open(names, options, stdin);
    }
    ArticleFetcher fetcher = new ArticleFetcher(fetch);
    return new ArticleReader() {
      int next;
      @Nullable ArticleReader current;

      @Override
      public @Nullable ReadOutcome next() throws IOException {
        while (true) {
          if (current != null) {
            ReadOutcome o = current.next();
            if (o != null) {
              return o;
            }
            current.close();
            current = null;
          }
          if (next >= names.size()) {
            return null;
          }
          String name = names.get(next++);
          if (isUrl(name)) {
            return fetch(fetcher, name, options.maxArticleBytes());
          }
          current = Inputs.open(List.of(name), options, stdin);
        }
      }

      @Override
      public void close() throws IOException {
        if (current != null) {
          current.close();
        }
      }
    };
  }

  private static ReadOutcome fetch(ArticleFetcher fetcher, String url, long maxArticleBytes) {
    RecordLocation where = new RecordLocation(url, 1, 1);
    try {
      Article a = fetcher.fetchArticle(url);
      long bytes =
          a.title().getBytes(StandardCharsets.UTF_8).length
              + (long) a.text().getBytes(StandardCharsets.UTF_8).length;
      if (bytes > maxArticleBytes) {
        return new ReadOutcome.Rejected(
            where, "article is " + bytes + " bytes, over the " + maxArticleBytes + "-byte limit");
      }
      return new ReadOutcome.Parsed(a.withId(url), where);
    } catch (FetchException e) {
      return new ReadOutcome.Rejected(where, e.getMessage());
    }
  }
}
