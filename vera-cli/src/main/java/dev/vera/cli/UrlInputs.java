package dev.vera.cli;

import dev.vera.article.Article;
import dev.vera.fetch.ArticleFetcher;
import dev.vera.fetch.FetchException;
import dev.vera.fetch.FetchOptions;
import dev.vera.fetch.Urls;
import dev.vera.io.ArticleInputs;
import dev.vera.io.ArticleReader;
import dev.vera.io.ReadOutcome;
import dev.vera.io.ReaderOptions;
import dev.vera.io.RecordLocation;
import dev.vera.io.Sizes;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Inputs that may be http(s) URLs as well as files: a URL is fetched and its article extracted (one
 * record named by the URL); a failed fetch is a rejected record, like an unreadable file, so the
 * other inputs are still judged.
 */
final class UrlInputs {
  private UrlInputs() {}

  static boolean isUrl(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.startsWith("http://") || n.startsWith("https://");
  }

  /**
   * One reader over every input in order: files and directories, {@code -} for {@code stdin}, and
   * URLs, fetched when their turn comes.
   */
  static ArticleReader open(
      List<String> names, ReaderOptions options, InputStream stdin, FetchOptions fetch) {
    // The fetcher holds an HTTP client: made only when some input is a URL.
    ArticleFetcher fetcher =
        names.stream().anyMatch(UrlInputs::isUrl) ? new ArticleFetcher(fetch) : null;
    List<Supplier<ArticleReader>> parts = new ArrayList<>();
    for (String name : names) {
      if (isUrl(name)) {
        parts.add(() -> ArticleInputs.of(List.of(fetch(fetcher, name, options.maxArticleBytes()))));
      } else if (name.equals("-")) {
        parts.add(() -> ArticleInputs.open("-", stdin, options));
      } else {
        parts.add(() -> ArticleInputs.open(Path.of(name), options));
      }
    }
    return ArticleInputs.concat(parts);
  }

  private static ReadOutcome fetch(ArticleFetcher fetcher, String url, long maxArticleBytes) {
    String shown = Urls.withoutCredentials(url);
    RecordLocation where = new RecordLocation(shown, 1, 1);
    try {
      Article a = fetcher.fetchArticle(url);
      String tooLarge =
          Sizes.articleOverLimit(
              Sizes.utf8Length(a.title()) + Sizes.utf8Length(a.text()), maxArticleBytes);
      if (tooLarge != null) {
        return new ReadOutcome.Rejected(where, tooLarge);
      }
      return new ReadOutcome.Parsed(a.withId(shown), where);
    } catch (FetchException e) {
      return new ReadOutcome.Rejected(where, e.getMessage());
    }
  }
}
