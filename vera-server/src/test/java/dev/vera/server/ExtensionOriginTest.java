package dev.vera.server;

import static dev.vera.server.ApiTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vera.feedback.FeedbackStore;
import dev.vera.server.tokens.TokenFile;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser extension (vera-extension) as the server sees it: Chromium sends its writes with
 * {@code Origin: chrome-extension://ID} and its reads without one. Allowed with {@code
 * --allow-origin chrome-extension://ID}, its checks and corrections are answered; otherwise they
 * are refused with 403 before anything is read, and that refusal is what the extension's message
 * ("start the server with --allow-origin …") is made from. The extension's options page tells the
 * two apart with an empty check: 400 when allowed, 403 when not, 401 when a token is needed.
 */
class ExtensionOriginTest {
  /** The id the manifest's key gives the extension (vera-extension/static/manifest.json). */
  static final String EXTENSION = "chrome-extension://fdmmihadpdiagpnhbegaicoandncakno";

  private static final String ARTICLE =
      "{\"title\":\"Council approves bridge repairs\",\"text\":\"The city council voted on Tuesday to fund"
          + " repairs to the Elm Street bridge after a two-year delay.\",\"url\":\"https://news.example/a\","
          + "\"explain\":true,\"use_source\":false}";
  private static final String CORRECTION =
      "{\"article\":{\"title\":\"Council approves bridge repairs\",\"text\":\"The city council voted.\"},"
          + "\"label\":\"fake\",\"note\":\"from the extension\",\"use_source\":false}";

  @TempDir static Path dir;
  private static Javalin allowing;
  private static Javalin refusing;
  private static Javalin withTokens;
  private static String token;

  @BeforeAll
  static void start() throws Exception {
    allowing =
        VeraServer.create(
                BundledModel.get(),
                ServerConfig.defaults()
                    .withPort(0)
                    .withAllowedOrigins(List.of(EXTENSION.toUpperCase(Locale.ROOT))),
                new FeedbackSettings(dir.resolve("allowing.db"), "desk"))
            .start();
    refusing =
        VeraServer.create(
                BundledModel.get(),
                ServerConfig.defaults().withPort(0),
                new FeedbackSettings(dir.resolve("refusing.db"), "desk"))
            .start();
    Path tokens = dir.resolve("tokens.tsv");
    TokenFile.Added a = TokenFile.readOrNew(tokens).add("ana");
    a.file().write();
    token = a.token();
    withTokens =
        VeraServer.create(
                BundledModel.get(),
                ServerConfig.defaults()
                    .withPort(0)
                    .withAllowedOrigins(List.of(EXTENSION))
                    .withAccess(ServerConfig.Access.requiringTokens(tokens, true)),
                new FeedbackSettings(dir.resolve("tokens.db"), null))
            .start();
  }

  @AfterAll
  static void stop() {
    allowing.stop();
    refusing.stop();
    withTokens.stop();
  }

  private static Http.Reply write(Javalin app, String path, String json, String... more)
      throws Exception {
    String[] headers = new String[4 + more.length];
    headers[0] = "Origin";
    headers[1] = EXTENSION;
    headers[2] = "Accept";
    headers[3] = "application/json";
    System.arraycopy(more, 0, headers, 4, more.length);
    return new Http(app.port()).postWith(path, json, headers);
  }

  private static long corrections(String db) throws Exception {
    try (FeedbackStore store = FeedbackStore.open(dir.resolve(db))) {
      return store.count();
    }
  }

  @Test
  void allowedItsChecksAndCorrectionsAreAnswered() throws Exception {
    Http.Reply check = write(allowing, "/api/v1/check", ARTICLE);
    assertEquals(200, check.status(), check.body());
    JsonNode v = check.json();
    assertTrue(v.path("sentences").isArray(), "explain answered: " + check.body());
    assertEquals("news.example", v.at("/source/domain").asText());
    Http.Reply stored = write(allowing, "/api/v1/feedback", CORRECTION);
    assertEquals(201, stored.status(), stored.body());
    assertEquals("desk", stored.json().path("analyst").asText());
    assertEquals(1, corrections("allowing.db"));
    // The options page's probe: past the origin check, refused for its empty article.
    assertEquals(400, write(allowing, "/api/v1/check", "{}").status());
    // Reads carry no Origin from the extension.
    assertEquals(200, new Http(allowing.port()).get("/api/v1/model").status());
  }

  @Test
  void notAllowedItIsRefusedAndNothingIsStored() throws Exception {
    JsonNode p = assertProblem(write(refusing, "/api/v1/check", ARTICLE), 403, "origin-refused");
    assertTrue(p.path("detail").asText().contains("--allow-origin"), p.toString());
    assertProblem(write(refusing, "/api/v1/feedback", CORRECTION), 403, "origin-refused");
    assertProblem(write(refusing, "/api/v1/check", "{}"), 403, "origin-refused");
    assertEquals(0, corrections("refusing.db"));
    assertEquals(
        200,
        new Http(refusing.port()).get("/api/v1/model").status(),
        "its model card still answers");
  }

  @Test
  void anotherExtensionIsRefusedWhereThisOneIsAllowed() throws Exception {
    Http.Reply other =
        new Http(allowing.port())
            .postWith(
                "/api/v1/check",
                ARTICLE,
                "Origin",
                "chrome-extension://abcdefghijklmnopabcdefghijklmnop");
    assertProblem(other, 403, "origin-refused");
  }

  @Test
  void withTokensTheOriginIsCheckedFirstThenTheToken() throws Exception {
    // The probe: allowed, but a token is needed (the options page asks for it).
    assertProblem(write(withTokens, "/api/v1/check", "{}"), 401, "token-required");
    assertEquals(
        200,
        write(withTokens, "/api/v1/check", ARTICLE, "Authorization", "Bearer " + token).status());
    Http.Reply stored =
        write(withTokens, "/api/v1/feedback", CORRECTION, "Authorization", "Bearer " + token);
    assertEquals(201, stored.status(), stored.body());
    assertEquals("ana", stored.json().path("analyst").asText(), "the token's analyst");
    Http.Reply otherOrigin =
        new Http(withTokens.port())
            .postWith(
                "/api/v1/check",
                ARTICLE,
                "Origin",
                "chrome-extension://abcdefghijklmnopabcdefghijklmnop",
                "Authorization",
                "Bearer " + token);
    assertProblem(otherOrigin, 403, "origin-refused");
  }
}
