package dev.vera.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.output.VerdictJson;
import io.javalin.http.Context;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;

/**
 * {@code POST /api/v1/check/batch}: {@code {"articles": [...]}}, one result per article in input
 * order. A bad article gets an {@code error} (a problem object) in its place and the others are
 * judged. Articles must carry their text: fetching URLs is for {@code POST /check}, one at a time,
 * so that a batch's work stays bounded.
 */
final class BatchHandler {
  private final Judge judge;
  private final ServerConfig config;
  private final ScoringPool pool;

  BatchHandler(Judge judge, ServerConfig config, ScoringPool pool) {
    this.judge = judge;
    this.config = config;
    this.pool = pool;
  }

  void handle(Context ctx) throws Exception {
    ObjectNode body = JsonBodies.readObject(ctx, config.maxBodyBytes());
    CheckOptions options = CheckOptions.read(body, ctx);
    JsonNode articles = body.get("articles");
    if (articles == null || !articles.isArray()) {
      throw ApiProblem.badRequest(
          "invalid-batch",
          "Invalid batch",
          "the body must hold \"articles\": an array of articles");
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
    int maxExplain = config.limits().maxBatchExplain();
    if (options.explain() && articles.size() > maxExplain) {
      throw new ApiProblem(
          400,
          "explain-batch-too-large",
          "Too many articles to explain",
          "explain=true scores each article again once per sentence: at most "
              + maxExplain
              + " articles per batch with it (max_batch_explain), this one holds "
              + articles.size()
              + "; explain them with POST /api/v1/check, or drop explain",
          Map.of("limit_name", "max_batch_explain", "limit", maxExplain));
    }
    ObjectNode out = pool.call(() -> judgeAll(articles, options));
    ctx.contentType("application/json").result(out.toString());
  }

  /**
   * Judges every article in order, within the batch's CPU budget: once it is spent, the articles
   * left get a problem saying so (send them again), and nothing else is scored for this request.
   */
  private ObjectNode judgeAll(JsonNode articles, CheckOptions options) {
    long budget = config.limits().batchCpuBudget().toNanos();
    long start = cpuNanos();
    ObjectNode out = VerdictJson.mapper().createObjectNode();
    out.put("model_id", judge.modelId());
    out.put("count", articles.size());
    ArrayNode results = out.putArray("results");
    int errors = 0;
    for (int i = 0; i < articles.size(); i++) {
      JsonNode item = articles.get(i);
      ObjectNode result;
      try {
        long used = cpuNanos() - start;
        if (used > budget) {
          throw new ApiProblem(
              503,
              "batch-cpu-budget-spent",
              "Batch CPU budget spent",
              "not scored: the batch used its "
                  + config.limits().batchCpuBudget().toMillis()
                  + " ms of CPU (max_batch_cpu_ms) before articles["
                  + i
                  + "]; send the articles from here on again, in a batch of their own",
              Map.of(
                  "limit_name",
                  "max_batch_cpu_ms",
                  "limit",
                  config.limits().batchCpuBudget().toMillis()));
        }
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
    return out;
  }

  /** This thread's CPU time, where the JVM measures it; the wall clock elsewhere. */
  private static long cpuNanos() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    return mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : System.nanoTime();
  }
}
