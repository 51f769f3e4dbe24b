package dev.vera.server;

import static dev.vera.server.ApiTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.article.Article;
import dev.vera.feedback.Correction;
import dev.vera.feedback.FeedbackStore;
import dev.vera.model.CredibilityModel;
import dev.vera.model.ScoringOptions;
import dev.vera.output.VerdictJson;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /api/v1/feedback} against a real server storing into a temporary database. */
class FeedbackApiTest {
  @TempDir static Path dir;
  private static CredibilityModel model;
  private static Javalin app;
  private static Http http;
  private static Path db;

  @BeforeAll
  static void start() throws Exception {
    model = BundledModel.get();
    db = dir.resolve("feedback.db");
    app =
        VeraServer.create(
                model, ServerConfig.defaults().withPort(0), new FeedbackSettings(db, "desk"))
            .start();
    http = new Http(app.port());
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  private static ObjectNode body(String title, String text, String label) {
    ObjectNode b = VerdictJson.mapper().createObjectNode();
    b.putObject("article")
        .put("title", title)
        .put("text", text)
        .put("url", "https://www.example.com/a");
    b.put("label", label);
    return b;
  }

  @Test
  void aCorrectionIsStoredWithTheServersOwnVerdictAndAnswered201() throws Exception {
    String title = "Star spotted at secret wedding, insiders say";
    String text = "Sources close to the couple say the ceremony was kept quiet. Fans are shocked!";
    ObjectNode b = body(title, text, "real");
    b.put("note", "confirmed by the venue");
    b.put("analyst", "ana");
    Http.Reply r = http.post("/api/v1/feedback", b.toString());
    assertEquals(201, r.status(), r.body());
    assertTrue(r.contentType().startsWith("application/json"));
    JsonNode c = r.json();
    Article article =
        new Article(
            null, title, text, null, "https://www.example.com/a", "example.com", null, Map.of());
    var verdict = model.predict(article, ScoringOptions.DEFAULT);
    assertEquals("real", c.path("label").asText());
    assertEquals("ana", c.path("analyst").asText());
    assertEquals("confirmed by the venue", c.path("note").asText());
    assertEquals(model.card().modelId(), c.path("model_id").asText());
    assertEquals(verdict.label().wireName(), c.path("model_label").asText());
    assertEquals(
        ApiTest.round6(verdict.probabilityFake()),
        c.path("model_probability_fake").asDouble(),
        1e-9);
    assertEquals(article.contentHashHex(), c.path("content_hash").asText());
    assertEquals("example.com", c.path("article").path("source").asText());
    long id = c.path("id").asLong();
    try (FeedbackStore store = FeedbackStore.open(db)) {
      Correction stored = store.list().stream().filter(x -> x.id() == id).findFirst().orElseThrow();
      assertEquals(article.contentHashHex(), stored.contentHash());
      assertEquals(c.path("created_at").asText(), stored.createdAt().toString());
    }

    // Without an analyst in the request, the server's configured name.
    Http.Reply d = http.post("/api/v1/feedback", body(title, text, "fake").toString());
    assertEquals(201, d.status(), d.body());
    assertEquals("desk", d.json().path("analyst").asText());
  }

  @Test
  void badCorrectionsAreProblems() throws Exception {
    ObjectNode noLabel = body("t", "some text", "fake");
    noLabel.remove("label");
    assertTrue(
        assertProblem(http.post("/api/v1/feedback", noLabel.toString()), 400, "invalid-feedback")
            .path("detail")
            .asText()
            .contains("label is missing"));
    assertTrue(
        assertProblem(
                http.post("/api/v1/feedback", body("t", "some text", "maybe").toString()),
                400,
                "invalid-feedback")
            .path("detail")
            .asText()
            .contains("label must be \"fake\" or \"real\""));
    assertProblem(http.post("/api/v1/feedback", "{\"label\": \"fake\"}"), 400, "invalid-article");
    assertProblem(
        http.post(
            "/api/v1/feedback",
            "{\"label\": \"fake\", \"article\": {\"url\": \"https://example.com/x\"}}"),
        400,
        "invalid-article");
    ObjectNode unknown = body("t", "some text", "fake");
    unknown.put("verdict", "fake");
    assertTrue(
        assertProblem(http.post("/api/v1/feedback", unknown.toString()), 400, "invalid-feedback")
            .path("detail")
            .asText()
            .contains("unknown field \"verdict\""));
    ObjectNode badNote = body("t", "some text", "fake");
    badNote.put("note", 3);
    assertProblem(http.post("/api/v1/feedback", badNote.toString()), 400, "invalid-feedback");
    assertProblem(http.post("/api/v1/feedback", "{\"label\": "), 400, "invalid-json");
    assertProblem(
        http.post("/api/v1/feedback", "application/x-www-form-urlencoded", "label=fake"),
        415,
        "unsupported-media-type");
  }

  @Test
  void withoutAnAnalystNameOrAStoreTheServerSaysSo() throws Exception {
    Javalin anonymous =
        VeraServer.create(
                model,
                ServerConfig.defaults().withPort(0),
                new FeedbackSettings(dir.resolve("anon.db"), null))
            .start();
    Javalin none = VeraServer.create(model, ServerConfig.defaults().withPort(0)).start();
    try {
      assertTrue(
          assertProblem(
                  new Http(anonymous.port())
                      .post("/api/v1/feedback", body("t", "x y", "fake").toString()),
                  400,
                  "invalid-feedback")
              .path("detail")
              .asText()
              .contains("who is correcting?"));
      assertProblem(
          new Http(none.port()).post("/api/v1/feedback", body("t", "x y", "fake").toString()),
          503,
          "feedback-not-configured");
    } finally {
      anonymous.stop();
      none.stop();
    }
  }

  /** Many clients at once: every 201 answered is in the database afterwards. */
  @Test
  void concurrentCorrectionsAreAllKept() throws Exception {
    int clients = 8;
    int each = 10;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<List<Long>>> futures = new ArrayList<>();
    for (int t = 0; t < clients; t++) {
      int client = t;
      futures.add(
          pool.submit(
              () -> {
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                  Http.Reply r =
                      http.post(
                          "/api/v1/feedback",
                          body("Story " + client + "-" + i, "Text of the story.", "fake")
                              .toString());
                  assertEquals(201, r.status(), r.body());
                  ids.add(r.json().path("id").asLong());
                }
                return ids;
              }));
    }
    Set<Long> acked = new HashSet<>();
    for (Future<List<Long>> f : futures) {
      acked.addAll(f.get(120, TimeUnit.SECONDS));
    }
    pool.shutdown();
    assertEquals(clients * each, acked.size());
    try (FeedbackStore store = FeedbackStore.open(db)) {
      Set<Long> present = new HashSet<>();
      store.list().forEach(c -> present.add(c.id()));
      assertTrue(present.containsAll(acked));
    }
  }
}
