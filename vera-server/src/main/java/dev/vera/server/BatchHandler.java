package dev.vera.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.output.VerdictJson;
import io.javalin.http.Context;

/**
 * {@code POST /api/v1/check/batch}: {@code {"articles": [...]}}, one result per article in input
 * order. A bad article gets an {@code error} (a problem object) in its place and the others are
 * judged. Articles must carry their text: fetching URLs is for {@code POST /check}, one at a time,
 * so that a batch's work stays bounded.
 */
final class BatchHandler {
  private final Judge judge;
  private final ServerConfig config;

  BatchHandler(Judge judge, ServerConfig config) {
    this.judge = judge;
    this.config = config;
  }

  void handle(Context ctx) throws Exception {
    ObjectNode body = JsonBodies.readObject(ctx, config.maxBodyBytes());
    CheckOptions options = CheckOptions.read(body, ctx);
    JsonNode articles = body.get("articles");
    if (articles == null || !articles.isArray()) {
      throw ApiProblem.badRequest(
          "invalid-batch", "Invalid batch", "the body must hold \"articles\": an array of articles");
    }
    if (articles.size() > config.maxBatchSize()) {
      throw ApiProblem.tooLarge(
          "batch-too-large",
          "Batch too large",
          "the batch holds "
              + articles.size()
              + " articles, over the limit of "
              + config.maxBatchSize()
              + " (max_batch_size); split it",
          "max_batch_size",
          config.maxBatchSize());
    }
    ObjectNode out = VerdictJson.mapper().createObjectNode();
    out.put("model_id", judge.modelId());
    out.put("count", articles.size());
    ArrayNode results = out.putArray("results");
    int errors = 0;
    for (int i = 0; i < articles.size(); i++) {
      JsonNode item = articles.get(i);
      ObjectNode result;
      try {
        ArticleRequest request = ArticleRequest.parse(item, "articles[" + i + "]");
        if (request.needsFetch()) {
          throw ApiProblem.badRequest(
              "url-in-batch",
              "URL-only article in a batch",
              "articles["
                  + i
                  + "] has only a url; batches are not fetched: send its title and text, or use POST"
                  + " /api/v1/check");
        }
        result = judge.verdict(request.toArticle(config.maxArticleBytes()), options);
      } catch (ApiProblem p) {
        errors++;
        result = VerdictJson.mapper().createObjectNode();
        JsonNode id = item != null && item.isObject() ? item.get("id") : null;
        result.set("id", id != null && id.isTextual() ? id : VerdictJson.mapper().nullNode());
        result.set("error", p.toJson());
      }
      result.put("index", i);
      results.add(result);
    }
    out.put("errors", errors);
    ctx.contentType("application/json").result(out.toString());
  }
}
