package dev.vera.server;

import static dev.vera.server.ApiTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.feedback.FeedbackException;
import dev.vera.feedback.FeedbackStore;
import dev.vera.output.VerdictJson;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's answers to hostile requests: forged cross-site posts, other hosts, bad framing,
 * stalled bodies, strict JSON, method overrides, oversized explain batches, and what it says in
 * refusals. Each is a problem (never a 500), and client faults count as client errors.
 */
class HardeningApiTest {
  @TempDir static Path dir;
  private static Javalin app;
  private static Http http;
  private static Path db;
  private static final String ALLOWED = "chrome-extension://abcdefghijklmnop";
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    db = dir.resolve("feedback.db");
    ServerConfig config =
        ServerConfig.defaults()
            .withPort(0)
            .withAllowedOrigins(List.of(ALLOWED))
            .withPublicHosts(List.of("vera.example.org"))
            .withLimits(
                ServerConfig.Limits.defaults()
                    .withRequestReadTimeout(Duration.ofSeconds(3))
                    .withMaxBatchExplain(2));
    app = VeraServer.create(BundledModel.get(), config, new FeedbackSettings(db, "desk")).start();
    http = new Http(app.port());
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  private static final String ARTICLE =
      "{\"title\":\"Star quits show\",\"text\":\"The star said she is leaving the show after ten years.\"}";
  private static final String FORGED =
      "{\"article\":{\"title\":\"x\",\"text\":\"planted\"},\"label\":\"real\",\"analyst\":\"x\"}";

  private static HttpResponse<String> post(String path, String type, String body, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (type != null) {
      b.header("Content-Type", type);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static long corrections() throws Exception {
    try (FeedbackStore store = FeedbackStore.open(db)) {
      return store.count();
    }
  }

  /** The reported forgery: text/plain from another origin stores nothing. */
  @Test
  void aForgedCrossSiteCorrectionIsRefusedAndNothingIsStored() throws Exception {
    long before = corrections();
    assertEquals(
        403,
        post("/api/v1/feedback", "text/plain", FORGED, "Origin", "http://evil.example")
            .statusCode());
    assertEquals(
        403,
        post("/api/v1/feedback", "application/json", FORGED, "Origin", "http://evil.example")
            .statusCode());
    assertEquals(
        403, post("/api/v1/feedback", "application/json", FORGED, "Origin", "null").statusCode());
    assertEquals(before, corrections());
  }

  @Test
  void jsonEndpointsTakeApplicationJsonOnly() throws Exception {
    for (String type :
        new String[] {
          "text/plain",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
          null,
          "application/json; charset=iso-8859-1"
        }) {
      HttpResponse<String> r = post("/api/v1/check", type, ARTICLE);
      assertEquals(415, r.statusCode(), type + ": " + r.body());
      assertTrue(r.body().contains("unsupported-media-type"), r.body());
    }
    assertEquals(
        200, post("/api/v1/check", "application/json; charset=UTF-8", ARTICLE).statusCode());
  }

  @Test
  void theServersOwnOriginAndAllowedOnesAreAnswered() throws Exception {
    assertEquals(
        200,
        post(
                "/api/v1/check",
                "application/json",
                ARTICLE,
                "Origin",
                "http://127.0.0.1:" + app.port())
            .statusCode());
    assertEquals(
        200, post("/api/v1/check", "application/json", ARTICLE, "Origin", ALLOWED).statusCode());
    HttpResponse<String> refused =
        post("/api/v1/check", "application/json", ARTICLE, "Origin", "http://127.0.0.1:1");
    assertEquals(403, refused.statusCode());
    assertTrue(refused.body().contains("urn:vera:problem:origin-refused"), refused.body());
  }

  /** DNS rebinding: a page whose name now points here still names its own host. */
  @Test
  void theHostHeaderMustNameThisServer() throws Exception {
    String request = "GET /api/v1/health HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n";
    String rebound =
        RawHttp.exchange(app.port(), String.format(request, "evil.example:" + app.port()));
    assertEquals(421, RawHttp.status(rebound), rebound);
    assertTrue(rebound.contains("application/problem+json"), rebound);
    assertEquals(
        200,
        RawHttp.status(
            RawHttp.exchange(app.port(), String.format(request, "127.0.0.1:" + app.port()))));
    assertEquals(
        200,
        RawHttp.status(
            RawHttp.exchange(app.port(), String.format(request, "localhost:" + app.port()))));
    assertEquals(
        200,
        RawHttp.status(RawHttp.exchange(app.port(), String.format(request, "vera.example.org"))));
  }

  @Test
  void methodOverrideHeadersAreIgnored() throws Exception {
    HttpResponse<String> r =
        post("/api/v1/health", "application/json", "{}", "X-HTTP-Method-Override", "GET");
    assertEquals(405, r.statusCode(), r.body());
  }

  @Test
  void trailingContentAndRepeatedKeysAreRefused() throws Exception {
    assertProblem(
        http.post("/api/v1/check", ARTICLE + " {\"title\":\"again\"}"), 400, "invalid-json");
    assertProblem(http.post("/api/v1/check", ARTICLE + " garbage"), 400, "invalid-json");
    assertProblem(
        http.post("/api/v1/check", "{\"title\":\"a\",\"text\":\"one\",\"text\":\"two\"}"),
        400,
        "invalid-json");
  }

  @Test
  void responsesSayNosniffAndVerdictsAreNotCached() throws Exception {
    Http.Reply r = http.post("/api/v1/check", ARTICLE);
    assertEquals(200, r.status());
    assertEquals("nosniff", r.raw().headers().firstValue("X-Content-Type-Options").orElse(""));
    assertEquals("no-store", r.raw().headers().firstValue("Cache-Control").orElse(""));
    Http.Reply problem = http.post("/api/v1/check", "{");
    assertEquals(
        "nosniff", problem.raw().headers().firstValue("X-Content-Type-Options").orElse(""));
  }

  private static JsonNode routeMetrics(String route) throws Exception {
    return http.get("/api/v1/metrics").json().path("routes").path(route);
  }

  /**
   * A body that ends early, one that stalls, and bad chunking: 400 / 408 / 400 problems, counted as
   * the client's errors, never as the server's.
   */
  @Test
  void clientAbortsAreClientErrors() throws Exception {
    JsonNode before = routeMetrics("POST /api/v1/check");
    String head =
        "POST /api/v1/check HTTP/1.1\r\nHost: 127.0.0.1:"
            + app.port()
            + "\r\nContent-Type: application/json\r\n";
    String early =
        RawHttp.exchange(
            app.port(),
            head + "Content-Length: 500\r\n\r\n",
            "{\"title\":".getBytes(),
            true,
            10_000);
    String stalled =
        RawHttp.exchange(
            app.port(),
            head + "Content-Length: 500\r\n\r\n",
            "{\"title\":".getBytes(),
            false,
            20_000);
    assertEquals(408, RawHttp.status(stalled), stalled);
    assertTrue(stalled.contains("request_read_timeout"), stalled);
    String chunked =
        RawHttp.exchange(
            app.port(),
            head + "Transfer-Encoding: chunked\r\n\r\n",
            "5\r\n{\"ti\r\nZZ\r\nxx\r\n".getBytes(),
            false,
            10_000);
    assertEquals(400, RawHttp.status(chunked), chunked);
    assertTrue(chunked.contains("application/problem+json"), chunked);
    assertTrue(early.isEmpty() || RawHttp.status(early) == 400, early);
    Thread.sleep(200);
    JsonNode m = routeMetrics("POST /api/v1/check");
    assertEquals(
        before.path("server_errors").asInt(), m.path("server_errors").asInt(), m.toString());
    assertEquals(
        before.path("status").path("408").asInt() + 1,
        m.path("status").path("408").asInt(),
        m.toString());
    assertTrue(
        m.path("status").path("400").asInt() >= before.path("status").path("400").asInt() + 2,
        m.toString());
  }

  /** Jetty's own refusals come as problems too. */
  @Test
  void jettysOwnErrorsAreProblems() throws Exception {
    String longUri =
        RawHttp.exchange(
            app.port(), "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    assertEquals(414, RawHttp.status(longUri), longUri);
    assertTrue(
        longUri.contains("application/problem+json")
            && RawHttp.body(longUri).contains("\"status\":414"),
        longUri);
    String bigHeader =
        RawHttp.exchange(
            app.port(),
            "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
                + "b".repeat(20_000)
                + "\r\n\r\n");
    assertEquals(431, RawHttp.status(bigHeader), bigHeader);
    assertTrue(bigHeader.contains("application/problem+json"), bigHeader);
    String version =
        RawHttp.exchange(app.port(), "GET /api/v1/health HTTP/7.1\r\nHost: 127.0.0.1\r\n\r\n");
    assertTrue(version.contains("application/problem+json"), version);
    String garbage = RawHttp.exchange(app.port(), "BLAH\u0001 / HTTP/1.1\r\n\r\n");
    assertEquals(400, RawHttp.status(garbage), garbage);
    assertTrue(garbage.contains("application/problem+json"), garbage);
  }

  @Test
  void explainInABatchIsCappedNamingTheLimit() throws Exception {
    ObjectNode body = VerdictJson.mapper().createObjectNode();
    body.put("explain", true);
    ArrayNode articles = body.putArray("articles");
    for (int i = 0; i < 3; i++) {
      articles.addObject().put("title", "t" + i).put("text", "Some text of article " + i + ".");
    }
    JsonNode p =
        assertProblem(
            http.post("/api/v1/check/batch", body.toString()), 400, "explain-batch-too-large");
    assertEquals("max_batch_explain", p.path("limit_name").asText());
    assertEquals(2, p.path("limit").asInt());
    articles.remove(2);
    assertEquals(200, http.post("/api/v1/check/batch", body.toString()).status());
  }

  /** A refusal tells the caller nothing about this network, and quotes a bounded part of a URL. */
  @Test
  void urlRefusalsLeakNoAddressesAndAreBounded() throws Exception {
    JsonNode p =
        assertProblem(
            http.post("/api/v1/check", "{\"url\":\"http://localhost:9/x\"}"), 403, "url-refused");
    String detail = p.path("detail").asText();
    assertFalse(
        detail.contains("127.0.0.1")
            || detail.contains("0:0:0:0:0:0:0:1")
            || detail.contains("resolves to"),
        detail);
    Http.Reply huge =
        http.post("/api/v1/check", "{\"url\":\"http://" + "h".repeat(9_000_000) + ".example/\"}");
    assertTrue(huge.body().length() < 2_000, "answer of " + huge.body().length() + " characters");
    Http.Reply creds =
        http.post(
            "/api/v1/check",
            "{\"title\":\"t\",\"text\":\"some text here\",\"url\":\"https://ana:s3cret@news.example/a\"}");
    assertEquals(200, creds.status());
    assertFalse(creds.body().contains("s3cret"), creds.body());
  }

  /** A bad --feedback-db stops the server at start-up, with the reason; the file is not touched. */
  @Test
  void aBadFeedbackDatabaseIsRefusedAtStartUp() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.txt"), "hello\n");
    Path other = dir.resolve("other.sqlite");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (x)");
    }
    byte[] otherBytes = Files.readAllBytes(other);
    for (Path bad : List.of(text, dir, other, dir.resolve("notes.txt/inside.db"))) {
      FeedbackException e =
          assertThrows(
              FeedbackException.class,
              () ->
                  VeraServer.create(
                      BundledModel.get(),
                      ServerConfig.defaults().withPort(0),
                      new FeedbackSettings(bad, "x")));
      assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());
    }
    assertEquals("hello\n", Files.readString(text));
    assertTrue(Arrays.equals(otherBytes, Files.readAllBytes(other)));
  }

  /** A full scoring pool answers at once, 503 with Retry-After. */
  @Test
  void aFullScoringPoolAnswers503() throws Exception {
    try (ScoringPool pool = new ScoringPool(1, 0)) {
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch started = new CountDownLatch(1);
      Thread holder =
          new Thread(
              () -> {
                try {
                  pool.call(
                      () -> {
                        started.countDown();
                        return release.await(30, TimeUnit.SECONDS);
                      });
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      holder.start();
      assertTrue(started.await(10, TimeUnit.SECONDS));
      ApiProblem p = assertThrows(ApiProblem.class, () -> pool.call(() -> 1));
      assertEquals(503, p.status());
      assertEquals(1, p.retryAfterSeconds());
      release.countDown();
      holder.join(10_000);
      // Without a queue, the freed thread takes new work once it is back waiting for it.
      int answer = 0;
      for (int attempt = 0; attempt < 100 && answer == 0; attempt++) {
        try {
          answer = pool.call(() -> 2);
        } catch (ApiProblem stillBusy) {
          Thread.sleep(10);
        }
      }
      assertEquals(2, answer);
    }
  }
}
