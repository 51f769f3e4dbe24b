package dev.vera.server;

import static dev.vera.server.ApiTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.vera.output.VerdictJson;
import io.javalin.Javalin;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The per-request budgets: a batch's CPU time, and how many URLs are fetched at once. */
class ServerLimitsTest {

  /** Once a batch has used its CPU budget, the articles left say so instead of being scored. */
  @Test
  void aBatchStopsScoringWhenItsCpuBudgetIsSpent() throws Exception {
    ServerConfig config =
        ServerConfig.defaults()
            .withPort(0)
            .withLimits(ServerConfig.Limits.defaults().withBatchCpuBudget(Duration.ofMillis(1)));
    Javalin app = VeraServer.create(BundledModel.get(), config).start();
    try {
      ObjectNode body = VerdictJson.mapper().createObjectNode();
      ArrayNode articles = body.putArray("articles");
      String text = (Articles.RUMOR_TEXT + " ").repeat(40);
      for (int i = 0; i < 4; i++) {
        articles
            .addObject()
            .put("id", "a" + i)
            .put("title", Articles.RUMOR_TITLE)
            .put("text", text);
      }
      Http.Reply r = new Http(app.port()).post("/api/v1/check/batch", body.toString());
      assertEquals(200, r.status(), r.body());
      JsonNode results = r.json().path("results");
      assertTrue(results.get(0).has("probability_fake"), "the first article is always scored");
      JsonNode last = results.get(3).path("error");
      assertEquals("urn:vera:problem:batch-cpu-budget-spent", last.path("type").asText(), r.body());
      assertEquals("max_batch_cpu_ms", last.path("limit_name").asText());
      assertEquals("a3", results.get(3).path("id").asText());
    } finally {
      app.stop();
    }
  }

  /** Fetches wait on other hosts: beyond the limit, 503 with Retry-After at once. */
  @Test
  void urlFetchesAreLimitedInNumber() throws Exception {
    CountDownLatch asked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    HttpServer slow =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    slow.createContext(
        "/",
        ex -> {
          asked.countDown();
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] b = "<html><body><p>late news</p></body></html>".getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", "text/html");
          ex.sendResponseHeaders(200, b.length);
          ex.getResponseBody().write(b);
          ex.close();
        });
    slow.setExecutor(Executors.newCachedThreadPool());
    slow.start();
    ServerConfig config =
        ServerConfig.defaults()
            .withPort(0)
            .withAllowPrivateHosts(true)
            .withLimits(ServerConfig.Limits.defaults().withMaxConcurrentFetches(1));
    Javalin app = VeraServer.create(BundledModel.get(), config).start();
    try {
      Http http = new Http(app.port());
      String url = "{\"url\":\"http://127.0.0.1:" + slow.getAddress().getPort() + "/story\"}";
      CompletableFuture<Http.Reply> first =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return http.post("/api/v1/check", url);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      assertTrue(asked.await(20, TimeUnit.SECONDS), "the first fetch reached the slow site");
      Http.Reply second = http.post("/api/v1/check", url);
      assertProblem(second, 503, "fetch-busy");
      assertEquals("2", second.raw().headers().firstValue("Retry-After").orElse(""));
      release.countDown();
      assertTrue(first.get(30, TimeUnit.SECONDS).status() < 500);
    } finally {
      release.countDown();
      app.stop();
      slow.stop(0);
    }
  }
}
