package dev.vera.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.article.Article;
import dev.vera.claims.ClaimChecker;
import dev.vera.claims.ClaimsJson;
import dev.vera.fetch.ArticleFetcher;
import dev.vera.fetch.FetchException;
import io.javalin.http.Context;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/check}: one article, given as text or as a URL to fetch. */
final class CheckHandler {
  private final Judge judge;
  private final ArticleFetcher fetcher;
  private final ServerConfig config;
  private final @Nullable ClaimChecker claims;

  CheckHandler(
      Judge judge, ArticleFetcher fetcher, ServerConfig config, @Nullable ClaimChecker claims) {
    this.judge = judge;
    this.fetcher = fetcher;
    this.config = config;
    this.claims = claims;
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
    ObjectNode out = judge.verdict(article, options);
    ObjectNode a = out.putObject("article");
    a.put("title", article.title());
    a.put("text", article.text());
    a.put("date", article.date() == null ? null : article.date().toString());
    a.put("url", article.url());
    a.put("source", article.source());
    a.put("fetched", fetched);
    if (claims != null) {
      out.set("claims", ClaimsJson.claims(claims.check(article.text())));
    }
    ctx.contentType("application/json").result(out.toString());
  }

  private Article fetch(String url) throws FetchException {
    return fetcher.fetchArticle(url);
  }
}
