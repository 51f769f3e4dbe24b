package dev.vera.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code claims} in {@code POST /api/v1/check} when the server runs with a claim checker. */
class ClaimsApiTest {
  @TempDir static Path dir;
  private static Javalin app;
  private static Http http;

  @BeforeAll
  static void start() throws Exception {
    app =
        VeraServer.create(
                BundledModel.get(),
                ServerConfig.defaults().withPort(0),
                ClaimsFixture.checker(dir.resolve("idx")))
            .start();
    http = new Http(app.port());
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.stop();
    }
  }

  private static String body(String text) {
    ObjectNode b = JsonNodeFactory.instance.objectNode();
    b.put("title", "Jobs");
    b.put("text", text);
    return b.toString();
  }

  @Test
  void checkListsTheCheckWorthySentenceWithItsFactCheck() throws Exception {
    Http.Reply r = http.post("/api/v1/check", body(ClaimsFixture.TEXT));
    assertEquals(200, r.status(), r.body());
    JsonNode claims = r.json().path("claims");
    assertEquals(1, claims.size(), r.body());
    JsonNode c = claims.get(0);
    assertEquals(ClaimsFixture.CLAIM, c.path("sentence").asText());
    int start = ClaimsFixture.TEXT.indexOf(ClaimsFixture.CLAIM);
    assertEquals(start, c.path("start").asInt());
    assertEquals(start + ClaimsFixture.CLAIM.length(), c.path("end").asInt());
    assertTrue(c.path("check_worthy_probability").asDouble() > 0.5, c.toString());
    assertTrue(c.path("check_worthy").asBoolean(), c.toString());
    assertEquals(1, c.path("matches").size(), c.toString());
    JsonNode m = c.path("matches").get(0);
    assertEquals("fc-ohio", m.path("id").asText());
    assertEquals("mostly-false", m.path("verdict").asText());
    assertEquals("Fact Desk", m.path("publisher").asText());
    assertEquals("2012-05-01", m.path("date").asText());
    assertEquals("https://factdesk.example/ohio", m.path("url").asText());
    assertTrue(m.path("score").asDouble() >= 2.0);
  }

  /** A sentence under the check-worthiness cut comes for the fact-check it matches. */
  @Test
  void aSentenceUnderTheCutComesWithItsFactCheck() throws Exception {
    Http.Reply r = http.post("/api/v1/check", body(ClaimsFixture.UNDER_THE_CUT));
    assertEquals(200, r.status(), r.body());
    JsonNode claims = r.json().path("claims");
    assertEquals(1, claims.size(), r.body());
    assertFalse(claims.get(0).path("check_worthy").asBoolean(), r.body());
    assertEquals("fc-olympics", claims.get(0).path("matches").get(0).path("id").asText(), r.body());
  }

  @Test
  void courtesiesAloneHaveNoClaim() throws Exception {
    Http.Reply r =
        http.post("/api/v1/check", body("Thank you all for coming tonight. We will win."));
    assertEquals(200, r.status(), r.body());
    assertTrue(r.json().path("claims").isArray());
    assertEquals(0, r.json().path("claims").size(), r.body());
  }

  @Test
  void withoutClaimsTheFieldIsAbsentAndTheApiDescriptionHasIt() throws Exception {
    Javalin plain =
        VeraServer.create(BundledModel.get(), ServerConfig.defaults().withPort(0)).start();
    try {
      Http.Reply r = new Http(plain.port()).post("/api/v1/check", body(ClaimsFixture.TEXT));
      assertEquals(200, r.status(), r.body());
      assertFalse(r.json().has("claims"), r.body());
    } finally {
      plain.stop();
    }
    JsonNode api = http.get("/api/v1/openapi.json").json();
    JsonNode schemas = api.path("components").path("schemas");
    assertTrue(schemas.path("CheckResponse").path("allOf").get(1).path("properties").has("claims"));
    assertTrue(schemas.path("FactCheckMatch").path("properties").has("verdict"));
  }
}
