package dev.vera.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.article.Article;
import dev.vera.model.CredibilityModel;
import dev.vera.model.Explanation;
import dev.vera.model.ScoringOptions;
import dev.vera.model.io.ModelFile;
import dev.vera.output.VerdictJson;
import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The API against a real server on a free port, with the bundled model. */
class ApiTest {
  private static final long MAX_BODY = 3_000_000;
  private static CredibilityModel model;
  private static Javalin app;
  private static Http http;

  @BeforeAll
  static void start() {
    model = BundledModel.get();
    app =
        VeraServer.create(model, ServerConfig.defaults().withPort(0).withMaxBodyBytes(MAX_BODY))
            .start();
    http = new Http(app.port());
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  /** Asserts an RFC 9457 problem with this status and type, and returns it. */
  static JsonNode assertProblem(Http.Reply r, int status, String type) throws Exception {
    assertEquals(status, r.status(), r.body());
    assertEquals("application/problem+json", r.contentType(), r.body());
    JsonNode p = r.json();
    assertEquals("urn:vera:problem:" + type, p.path("type").asText(), r.body());
    assertEquals(status, p.path("status").asInt());
    assertFalse(p.path("title").asText().isBlank());
    assertFalse(p.path("detail").asText().isBlank());
    assertFalse(r.body().contains("Exception"), "internal detail leaked: " + r.body());
    assertFalse(r.body().contains("\tat "), "stack trace leaked: " + r.body());
    return p;
  }

  static double round6(double d) {
    return Math.round(d * 1e6) / 1e6;
  }

  @Test
  void healthAndModelCard() throws Exception {
    Http.Reply h = http.get("/api/v1/health");
    assertEquals(200, h.status());
    assertTrue(h.contentType().startsWith("application/json"));
    assertEquals("ok", h.json().path("status").asText());
    assertEquals(model.card().modelId(), h.json().path("model_id").asText());

    Http.Reply m = http.get("/api/v1/model");
    assertEquals(200, m.status());
    assertEquals(
        VerdictJson.mapper().readTree(ModelFile.cardJson(model.card()).toString()), m.json());
  }

  @Test
  void checkAnswersInTheShapeVeraCheckPrints() throws Exception {
    Http.Reply r = http.post("/api/v1/check", Articles.rumor().toString());
    assertEquals(200, r.status(), r.body());
    assertTrue(r.contentType().startsWith("application/json"));
    ObjectNode got = (ObjectNode) r.json();

    // What `vera check --format jsonl` prints for the same article: the same call, the same JSON.
    Article a = Article.of(Articles.RUMOR_TITLE, Articles.RUMOR_TEXT);
    Explanation e = model.explain(a, ScoringOptions.DEFAULT, 5, false);
    ObjectNode cli = VerdictJson.verdict(e.verdict(), e, null);
    assertEquals(model.card().modelId(), got.remove("model_id").asText());
    JsonNode article = got.remove("article");
    assertEquals(cli, got);
    assertEquals(Articles.RUMOR_TEXT, article.path("text").asText());
    assertEquals(Articles.RUMOR_TITLE, article.path("title").asText());
    assertFalse(article.path("fetched").asBoolean());
  }

  @Test
  void cliAndApiGiveTheSameProbability() throws Exception {
    List<ScoringOptions> settings =
        List.of(
            ScoringOptions.DEFAULT,
            new ScoringOptions(true, null),
            new ScoringOptions(false, 0.3),
            new ScoringOptions(false, null, 0.05),
            new ScoringOptions(true, null, 0.7));
    for (ScoringOptions o : settings) {
      for (String[] art :
          List.of(
              new String[] {Articles.RUMOR_TITLE, Articles.RUMOR_TEXT},
              new String[] {Articles.WIRE_TITLE, Articles.WIRE_TEXT})) {
        ObjectNode body = Articles.article(art[0], art[1]);
        body.put("url", "https://www.tmz.com/2018/03/14/story");
        body.put("use_source", o.useSource());
        if (o.threshold() != null) {
          body.put("threshold", o.threshold());
        }
        if (o.baseRate() != null) {
          body.put("base_rate", o.baseRate());
        }
        JsonNode got = http.post("/api/v1/check", body.toString()).json();
        Article a =
            new Article(
                null,
                art[0],
                art[1],
                null,
                "https://www.tmz.com/2018/03/14/story",
                "tmz.com",
                null,
                Map.of());
        var v = model.predict(a, o);
        assertEquals(round6(v.probabilityFake()), got.path("probability_fake").asDouble(), 0.0);
        assertEquals(
            round6(v.textProbabilityFake()), got.path("text_probability_fake").asDouble(), 0.0);
        assertEquals(v.label().wireName(), got.path("label").asText());
        assertEquals(round6(v.threshold()), got.path("threshold").asDouble(), 0.0);
        assertEquals("tmz.com", got.path("source").path("domain").asText());
        assertEquals(round6(v.baseRate()), got.path("base_rate").asDouble(), 0.0);
        if (v.applicability() != null) {
          assertEquals(
              round6(v.applicability().score()),
              got.path("applicability").path("score").asDouble(),
              0.0);
          assertEquals(
              v.applicability().outsideExperience(),
              got.path("applicability").path("outside_experience").asBoolean());
        }
      }
    }
  }

  @Test
  void explainAddsSentencesWithOffsetsAndPhraseSpans() throws Exception {
    JsonNode got = http.post("/api/v1/check?explain=true", Articles.rumor().toString()).json();
    JsonNode sentences = got.path("sentences");
    assertTrue(sentences.size() > 0, got.toString());
    for (JsonNode s : sentences) {
      int start = s.path("start").asInt();
      int end = s.path("end").asInt();
      assertEquals(s.path("text").asText(), Articles.RUMOR_TEXT.substring(start, end));
    }
    // The bundled model reads no style features, so it reports none.
    assertEquals(0, got.path("style").size(), got.path("style").toString());
    int phrases = 0;
    for (JsonNode reason : got.path("reasons")) {
      if (!reason.path("kind").asText().equals("phrase")) {
        continue;
      }
      phrases++;
      String part =
          reason.path("part").asText().equals("title") ? Articles.RUMOR_TITLE : Articles.RUMOR_TEXT;
      for (JsonNode span : reason.path("spans")) {
        int start = span.get(0).asInt();
        int end = span.get(1).asInt();
        assertTrue(0 <= start && start < end && end <= part.length(), reason.toString());
      }
    }
    assertTrue(phrases > 10, "explain gives ten phrases each way: " + phrases);
    // The body option wins over the query string.
    ObjectNode body = Articles.rumor();
    body.put("explain", false);
    assertFalse(http.post("/api/v1/check?explain=true", body.toString()).json().has("sentences"));
  }

  @Test
  void withoutReasonsTheVerdictIsTheSame() throws Exception {
    JsonNode full = http.post("/api/v1/check", Articles.rumor().toString()).json();
    JsonNode bare = http.post("/api/v1/check?reasons=false", Articles.rumor().toString()).json();
    assertEquals(full.path("probability_fake"), bare.path("probability_fake"));
    assertEquals(full.path("label"), bare.path("label"));
    assertEquals(full.path("source"), bare.path("source"));
    assertEquals(0, bare.path("reasons").size());
    assertTrue(full.path("reasons").size() > 0);
    assertProblem(
        http.post("/api/v1/check?reasons=false&explain=true", Articles.rumor().toString()),
        400,
        "invalid-option");
  }

  @Test
  void optionsAreValidated() throws Exception {
    JsonNode low = http.post("/api/v1/check?threshold=0.0001", Articles.rumor().toString()).json();
    assertEquals("fake", low.path("label").asText());
    assertEquals(0.0001, low.path("threshold").asDouble(), 0.0);
    assertProblem(
        http.post("/api/v1/check?threshold=1.5", Articles.rumor().toString()),
        400,
        "invalid-option");
    assertProblem(
        http.post("/api/v1/check?threshold=abc", Articles.rumor().toString()),
        400,
        "invalid-option");
    assertProblem(
        http.post("/api/v1/check?use_source=maybe", Articles.rumor().toString()),
        400,
        "invalid-option");
    ObjectNode body = Articles.rumor();
    body.put("use_source", "yes");
    assertProblem(http.post("/api/v1/check", body.toString()), 400, "invalid-option");
    JsonNode p =
        assertProblem(
            http.post("/api/v1/check?base_rate=1", Articles.rumor().toString()),
            400,
            "invalid-option");
    assertTrue(p.path("detail").asText().contains("base rate"), p.toString());
    ObjectNode textRate = Articles.rumor();
    textRate.put("base_rate", "ten percent");
    assertProblem(http.post("/api/v1/check", textRate.toString()), 400, "invalid-option");
  }

  @Test
  void badInputIsAProblemNeverATrace() throws Exception {
    assertProblem(http.post("/api/v1/check", "{\"title\": \"x\", "), 400, "invalid-json");
    assertProblem(http.post("/api/v1/check", "[1, 2]"), 400, "invalid-json");
    assertProblem(http.post("/api/v1/check", ""), 400, "invalid-json");
    assertProblem(http.post("/api/v1/check", "{}"), 400, "invalid-article");
    assertProblem(
        http.post("/api/v1/check", "{\"title\": \"  \", \"text\": \"\"}"), 400, "invalid-article");
    assertProblem(http.post("/api/v1/check", "{\"text\": 42}"), 400, "invalid-article");
    assertProblem(
        http.post("/api/v1/check", "{\"text\": \"a b c\", \"date\": \"14/03/2018\"}"),
        400,
        "invalid-article");
    assertProblem(
        http.post("/api/v1/check", "application/x-www-form-urlencoded", "text=hello"),
        415,
        "unsupported-media-type");
    assertProblem(http.get("/api/v1/nothing-here"), 404, "not-found");
    assertProblem(http.get("/api/v1/check"), 405, "method-not-allowed");
  }

  @Test
  void everyLimitIsNamed() throws Exception {
    String big = "word ".repeat(240_000);
    JsonNode p =
        assertProblem(
            http.post("/api/v1/check", Articles.article("t", big).toString()),
            413,
            "article-too-large");
    assertEquals("max_article_bytes", p.path("limit_name").asText());
    assertEquals(1_000_000, p.path("limit").asLong());
    assertTrue(p.path("detail").asText().contains("1.0 MB limit"), p.toString());

    String huge = "{\"text\": \"" + "x".repeat((int) MAX_BODY) + "\"}";
    // Refused on its declared length, before the body is read; a client that asks first (Expect:
    // 100-continue) reads the answer for sure, where one that sends the body at once may find the
    // connection closed under it.
    p = assertProblem(http.postAskingFirst("/api/v1/check", huge), 413, "body-too-large");
    assertEquals("max_body_bytes", p.path("limit_name").asText());
    assertEquals(MAX_BODY, p.path("limit").asLong());
    p =
        assertProblem(
            http.postChunked("/api/v1/check", huge.getBytes(StandardCharsets.UTF_8)),
            413,
            "body-too-large");
    assertEquals(MAX_BODY, p.path("limit").asLong());

    ObjectNode batch = VerdictJson.mapper().createObjectNode();
    ArrayNode items = batch.putArray("articles");
    for (int i = 0; i < 1001; i++) {
      items.add(Articles.article("", "a short text number " + i));
    }
    p = assertProblem(http.post("/api/v1/check/batch", batch.toString()), 413, "batch-too-large");
    assertEquals("max_batch_size", p.path("limit_name").asText());
    assertEquals(1000, p.path("limit").asLong());
  }

  @Test
  void aBatchWithBadItemsKeepsTheRestInOrder() throws Exception {
    ObjectNode batch = VerdictJson.mapper().createObjectNode();
    ArrayNode items = batch.putArray("articles");
    items.add(Articles.rumor().put("id", "rumor"));
    items.add(VerdictJson.mapper().createObjectNode().put("id", "empty").put("title", ""));
    items.add(Articles.article(Articles.WIRE_TITLE, Articles.WIRE_TEXT).put("id", "wire"));
    items.add(
        VerdictJson.mapper()
            .createObjectNode()
            .put("id", "link")
            .put("url", "https://example.com/a"));
    items.add(Articles.article("t", "word ".repeat(210_000)).put("id", "too-big"));
    items.add("not an object");
    Http.Reply r = http.post("/api/v1/check/batch", batch.toString());
    assertEquals(200, r.status(), r.body());
    JsonNode out = r.json();
    assertEquals(6, out.path("count").asInt());
    assertEquals(4, out.path("errors").asInt());
    JsonNode results = out.path("results");
    assertEquals(6, results.size());
    for (int i = 0; i < 6; i++) {
      assertEquals(i, results.get(i).path("index").asInt());
    }
    Article rumor = Article.of(Articles.RUMOR_TITLE, Articles.RUMOR_TEXT);
    assertEquals("rumor", results.get(0).path("id").asText());
    assertEquals(
        round6(model.predict(rumor, ScoringOptions.DEFAULT).probabilityFake()),
        results.get(0).path("probability_fake").asDouble(),
        0.0);
    assertEquals("wire", results.get(2).path("id").asText());
    assertTrue(results.get(2).has("probability_fake"));
    assertEquals(
        "urn:vera:problem:invalid-article", results.get(1).path("error").path("type").asText());
    assertEquals("empty", results.get(1).path("id").asText());
    assertEquals(
        "urn:vera:problem:url-in-batch", results.get(3).path("error").path("type").asText());
    assertEquals(
        "urn:vera:problem:article-too-large", results.get(4).path("error").path("type").asText());
    assertEquals(413, results.get(4).path("error").path("status").asInt());
    assertEquals(
        "urn:vera:problem:invalid-article", results.get(5).path("error").path("type").asText());

    assertProblem(http.post("/api/v1/check/batch", "{\"articles\": {}}"), 400, "invalid-batch");
    assertProblem(http.post("/api/v1/check/batch", "{}"), 400, "invalid-batch");
  }

  @Test
  void metricsCountRequestsErrorsAndLatency() throws Exception {
    http.post("/api/v1/check", Articles.rumor().toString());
    http.post("/api/v1/check", "{");
    JsonNode m = http.get("/api/v1/metrics").json();
    JsonNode check = m.path("routes").path("POST /api/v1/check");
    long requests = check.path("requests").asLong();
    assertTrue(requests >= 2, m.toString());
    assertTrue(check.path("client_errors").asLong() >= 1);
    assertTrue(check.path("status").path("200").asLong() >= 1);
    assertTrue(check.path("status").path("400").asLong() >= 1);
    JsonNode buckets = check.path("latency_ms").path("buckets");
    assertEquals("+Inf", buckets.get(buckets.size() - 1).path("le").asText());
    assertEquals(requests, buckets.get(buckets.size() - 1).path("count").asLong());
    assertTrue(m.path("requests_total").asLong() >= requests);
    assertTrue(m.path("errors_total").asLong() >= 1);
  }

  @Test
  void theOpenApiDocumentListsEveryEndpointAndResolvesEveryReference() throws Exception {
    Http.Reply r = http.get("/api/v1/openapi.json");
    assertEquals(200, r.status());
    JsonNode doc = r.json();
    assertTrue(doc.path("openapi").asText().startsWith("3."));
    assertEquals("/api/v1", doc.path("servers").get(0).path("url").asText());
    Set<String> listed = new TreeSet<>();
    doc.path("paths")
        .fields()
        .forEachRemaining(
            e ->
                e.getValue()
                    .fieldNames()
                    .forEachRemaining(m -> listed.add(m.toUpperCase() + " " + e.getKey())));
    assertEquals(
        new TreeSet<>(
            List.of(
                "POST /check",
                "POST /check/batch",
                "POST /feedback",
                "GET /model",
                "GET /health",
                "GET /metrics",
                "GET /openapi.json")),
        listed);
    // Every endpoint listed answers something other than 404 or 405.
    for (String endpoint : listed) {
      String[] mp = endpoint.split(" ");
      Http.Reply reply =
          mp[0].equals("GET") ? http.get("/api/v1" + mp[1]) : http.post("/api/v1" + mp[1], "{}");
      assertTrue(reply.status() != 404 && reply.status() != 405, endpoint + ": " + reply.status());
    }
    List<String> refs = new ArrayList<>();
    collectRefs(doc, refs);
    assertFalse(refs.isEmpty());
    for (String ref : refs) {
      assertTrue(ref.startsWith("#/"), ref);
      assertFalse(doc.at(ref.substring(1)).isMissingNode(), "unresolved " + ref);
    }
  }

  private static void collectRefs(JsonNode n, List<String> out) {
    if (n.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().equals("$ref")) {
          out.add(e.getValue().asText());
        } else {
          collectRefs(e.getValue(), out);
        }
      }
    } else if (n.isArray()) {
      n.forEach(c -> collectRefs(c, out));
    }
  }

  @Test
  void theWebPageIsServedWithoutOutsideResources() throws Exception {
    Http.Reply page = http.get("/");
    assertEquals(200, page.status());
    assertTrue(page.contentType().startsWith("text/html"));
    assertTrue(
        page.raw()
            .headers()
            .firstValue("Content-Security-Policy")
            .orElse("")
            .contains("default-src 'self'"));
    assertFalse(
        page.body().contains("http://") || page.body().contains("https://"),
        "the page must not load from other hosts");
    assertEquals(200, http.get("/static/vera.js").status());
    assertEquals(200, http.get("/static/vera.css").status());
  }
}
