package dev.vera.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.article.Article;
import dev.vera.claims.ClaimChecker;
import dev.vera.claims.ClaimsJson;
import dev.vera.fetch.ArticleFetcher;
import dev.vera.fetch.FetchException;
import io.javalin.http.Context;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/check}: one article, given as text or as a URL to fetch. */
final class CheckHandler {
  private final Judge judge;
  private final ArticleFetcher fetcher;
  private final ServerConfig config;
  private final @Nullable ClaimChecker claims;
  private final ScoringPool pool;

  /** Fetches wait on other hosts for up to their timeout: only so many at once. */
  private final Semaphore fetches;

  CheckHandler(
      Judge judge,
      ArticleFetcher fetcher,
      ServerConfig config,
      @Nullable ClaimChecker claims,
      ScoringPool pool) {
    this.judge = judge;
    this.fetcher = fetcher;
    this.config = config;
    this.claims = claims;
    this.pool = pool;
    this.fetches = new Semaphore(config.limits().maxConcurrentFetches());
  }

  void handle(Context ctx) throws Exception {
    ObjectNode body = JsonBodies.readObject(ctx, config.maxBodyBytes());
    CheckOptions options = CheckOptions.read(body, ctx);
    ArticleRequest request = ArticleRequest.parse(body, "the article");
    Article article;
    boolean fetched = request.needsFetch();
    if (fetched) {
      article = request.withFetched(fetch(request.url()), config.maxArticleBytes());
    } else {
      article = request.toArticle(config.maxArticleBytes());
    }
    Article judged = article;
    ObjectNode out =
        pool.call(
            () -> {
              ObjectNode o = judge.verdict(judged, options);
              if (claims != null) {
                o.set("claims", ClaimsJson.claims(claims.check(judged.text())));
              }
              return o;
            });
    ObjectNode a = out.putObject("article");
    a.put("title", article.title());
    a.put("text", article.text());
    a.put("date", article.date() == null ? null : article.date().toString());
    a.put("url", article.url());
    a.put("source", article.source());
    a.put("fetched", fetched);
    ctx.contentType("application/json").result(out.toString());
  }

  private Article fetch(String url) throws FetchException {
    if (!fetches.tryAcquire()) {
      throw ApiProblem.busy(
          "fetch-busy",
          "Too many fetches",
          config.limits().maxConcurrentFetches()
              + " URLs are being fetched already (max_concurrent_fetches); try again shortly, or"
              + " send the article's title and text",
          2);
    }
    try {
      return fetcher.fetchArticle(url);
    } finally {
      fetches.release();
    }
  }
}
