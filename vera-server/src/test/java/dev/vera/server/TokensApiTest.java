package dev.vera.server;

import static dev.vera.server.ApiTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.feedback.Correction;
import dev.vera.feedback.FeedbackStore;
import dev.vera.output.VerdictJson;
import dev.vera.server.tokens.TokenFile;
import dev.vera.server.tokens.TokenFileException;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Analysts' tokens through the real server: who may write, under which name, what a wrong or
 * missing token is answered, how wrong tokens are counted and limited, and what the server refuses
 * to start without.
 */
class TokensApiTest {
  @TempDir static Path dir;
  private static Path tokens;
  private static Path db;
  private static String ana;
  private static String bob;
  private static Javalin app;
  private static Http http;

  @BeforeAll
  static void start() throws Exception {
    tokens = dir.resolve("tokens.tsv");
    TokenFile.Added a = TokenFile.readOrNew(tokens).add("ana");
    TokenFile.Added b = a.file().add("bob");
    b.file().write();
    ana = a.token();
    bob = b.token();
    db = dir.resolve("feedback.db");
    ServerConfig config =
        ServerConfig.defaults()
            .withPort(0)
            .withAccess(ServerConfig.Access.requiringTokens(tokens, false));
    app = VeraServer.create(BundledModel.get(), config, new FeedbackSettings(db, "desk")).start();
    http = new Http(app.port());
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.stop();
    }
  }

  static String correction(String text, String label) {
    ObjectNode b = VerdictJson.mapper().createObjectNode();
    b.putObject("article").put("title", "Star spotted at secret wedding").put("text", text);
    b.put("label", label);
    return b.toString();
  }

  private static long stored() throws Exception {
    try (FeedbackStore store = FeedbackStore.open(db)) {
      return store.count();
    }
  }

  private static JsonNode metrics() throws Exception {
    return http.get("/api/v1/metrics").json();
  }

  @Test
  void withoutATokenACorrectionIs401WithABearerChallengeAndNothingIsStored() throws Exception {
    long before = stored();
    long missing = metrics().path("auth_refused").path("missing_token").asLong();
    Http.Reply r = http.post("/api/v1/feedback", correction("no token at all", "real"));
    JsonNode p = assertProblem(r, 401, "token-required");
    assertEquals(
        "Bearer realm=\"vera\"", r.raw().headers().firstValue("WWW-Authenticate").orElse(""));
    assertTrue(p.path("detail").asText().contains("Authorization: Bearer"), p.toString());
    // Another scheme, an empty bearer, and a token in the URL are no token either.
    assertProblem(
        http.postWith(
            "/api/v1/feedback",
            correction("basic", "real"),
            "Authorization",
            "Basic YW5hOnNlY3JldA=="),
        401,
        "token-required");
    assertProblem(
        http.postWith("/api/v1/feedback", correction("empty", "real"), "Authorization", "Bearer "),
        401,
        "token-required");
    assertProblem(
        http.post("/api/v1/feedback?access_token=" + ana, correction("in the url", "real")),
        401,
        "token-required");
    assertEquals(before, stored());
    assertEquals(missing + 4, metrics().path("auth_refused").path("missing_token").asLong());
    assertTrue(
        metrics().path("routes").path("POST /api/v1/feedback").path("status").path("401").asLong()
            >= 4);
  }

  @Test
  void aWrongTokenIs401InvalidTokenCountedAsAFailedAttempt() throws Exception {
    long before = stored();
    long invalid = metrics().path("auth_refused").path("invalid_token").asLong();
    String wrong = ana.substring(0, ana.length() - 2) + (ana.endsWith("AA") ? "BB" : "AA");
    Http.Reply r = http.postAs(wrong, "/api/v1/feedback", correction("a guess", "real"));
    assertProblem(r, 401, "token-invalid");
    assertEquals(
        "Bearer realm=\"vera\", error=\"invalid_token\"",
        r.raw().headers().firstValue("WWW-Authenticate").orElse(""));
    assertEquals(before, stored());
    assertEquals(invalid + 1, metrics().path("auth_refused").path("invalid_token").asLong());
  }

  @Test
  void aGoodTokenStoresTheCorrectionUnderItsOwnersNameNeverTheBodys() throws Exception {
    Http.Reply r = http.postAs(ana, "/api/v1/feedback", correction("ana's correction", "real"));
    assertEquals(201, r.status(), r.body());
    assertEquals(
        "ana",
        r.json().path("analyst").asText(),
        "the token's name, not the server's default \"desk\"");
    long id = r.json().path("id").asLong();
    try (FeedbackStore store = FeedbackStore.open(db)) {
      Correction c = store.list().stream().filter(x -> x.id() == id).findFirst().orElseThrow();
      assertEquals("ana", c.analyst());
    }

    // The scheme's case does not matter (RFC 7235); bob's token is bob's.
    Http.Reply b =
        http.postWith(
            "/api/v1/feedback",
            correction("bob's correction", "fake"),
            "Authorization",
            "bearer " + bob);
    assertEquals(201, b.status(), b.body());
    assertEquals("bob", b.json().path("analyst").asText());

    // Naming someone else in the body is refused, naming oneself is fine.
    long before = stored();
    ObjectNode forged =
        (ObjectNode) VerdictJson.mapper().readTree(correction("as someone else", "real"));
    forged.put("analyst", "carol");
    JsonNode p =
        assertProblem(
            http.postAs(ana, "/api/v1/feedback", forged.toString()), 400, "invalid-feedback");
    assertTrue(
        p.path("detail").asText().contains("whoever the token belongs to (ana)"), p.toString());
    assertEquals(before, stored());
    forged.put("analyst", "ana");
    assertEquals(201, http.postAs(ana, "/api/v1/feedback", forged.toString()).status());
  }

  @Test
  void checkingNeedsNoTokenUnlessAskedButEveryOtherWriteDoes() throws Exception {
    String article =
        "{\"title\": \"Markets close higher\", \"text\": \"Shares rose on Tuesday after the report.\"}";
    assertEquals(200, http.post("/api/v1/check", article).status());
    assertEquals(
        200, http.post("/api/v1/check/batch", "{\"articles\": [" + article + "]}").status());
    // Denied by default: a trailing slash, or a POST to a path nobody wrote yet, needs a token.
    assertProblem(
        http.post("/api/v1/feedback/", correction("slash", "real")), 401, "token-required");
    assertProblem(http.post("/api/v1/corrections/import", "{}"), 401, "token-required");
    assertProblem(
        http.postWith("/api/v1/feedback", "{}", "X-HTTP-Method-Override", "GET"),
        401,
        "token-required");
    // Reading never does.
    for (String path :
        List.of(
            "/", "/api/v1/health", "/api/v1/model", "/api/v1/metrics", "/api/v1/openapi.json")) {
      assertEquals(200, http.get(path).status(), path);
    }
    JsonNode auth = http.get("/api/v1/health").json().path("auth");
    assertEquals("bearer", auth.path("scheme").asText());
    assertEquals(List.of("POST /api/v1/feedback"), strings(auth.path("token_required_for")));
    assertEquals(false, auth.path("insecure_no_auth").asBoolean(true));
  }

  /**
   * The body of a refused request is never read: a client that sends only headers is answered at
   * once.
   */
  @Test
  void aRequestWithoutATokenIsRefusedBeforeItsBodyIsRead() throws Exception {
    long start = System.nanoTime();
    String answer =
        RawHttp.exchange(
            app.port(),
            "POST /api/v1/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 5000000\r\nConnection: close\r\n\r\n",
            new byte[0],
            false,
            10_000);
    assertEquals(401, RawHttp.status(answer), answer);
    assertTrue(System.nanoTime() - start < 5_000_000_000L, "waited for a body that never came");
  }

  @Test
  void aTokenRevokedOrAddedWhileServingCountsFromTheNextRequest() throws Exception {
    TokenFile.Added carol = TokenFile.read(tokens).add("carol");
    carol.file().write();
    Http.Reply c =
        http.postAs(carol.token(), "/api/v1/feedback", correction("carol's first", "real"));
    assertEquals(201, c.status(), c.body());
    assertEquals("carol", c.json().path("analyst").asText());

    TokenFile.read(tokens).revoke("carol").write();
    assertProblem(
        http.postAs(carol.token(), "/api/v1/feedback", correction("carol, revoked", "real")),
        401,
        "token-invalid");
    assertEquals(
        201, http.postAs(ana, "/api/v1/feedback", correction("ana still", "real")).status());
  }

  @Test
  void aTokenFileBrokenWhileServingRefusesEveryTokenUntilFixed() throws Exception {
    Javalin own = null;
    Path file = dir.resolve("breaks.tsv");
    try {
      TokenFile.Added dan = TokenFile.readOrNew(file).add("dan");
      dan.file().write();
      own =
          VeraServer.create(
                  BundledModel.get(),
                  ServerConfig.defaults()
                      .withPort(0)
                      .withAccess(ServerConfig.Access.requiringTokens(file, false)),
                  new FeedbackSettings(dir.resolve("breaks.db"), null))
              .start();
      Http h = new Http(own.port());
      String good = Files.readString(file);
      Files.writeString(file, good + "eve\tvera_pasted-a-token-here\n");
      JsonNode p =
          assertProblem(
              h.postAs(dan.token(), "/api/v1/feedback", correction("while broken", "real")),
              503,
              "tokens-unavailable");
      assertTrue(!p.toString().contains(file.toString()), "no path told to the client: " + p);
      Files.writeString(file, good);
      assertEquals(
          201, h.postAs(dan.token(), "/api/v1/feedback", correction("fixed", "real")).status());
    } finally {
      if (own != null) {
        own.stop();
      }
    }
  }

  @Test
  void tooManyWrongTokensFromOneAddressAre429UntilTheWindowEnds() throws Exception {
    Path file = dir.resolve("limited.tsv");
    TokenFile.Added eve = TokenFile.readOrNew(file).add("eve");
    eve.file().write();
    ServerConfig.Access access =
        ServerConfig.Access.requiringTokens(file, false).withFailureLimit(3, Duration.ofSeconds(2));
    Javalin own =
        VeraServer.create(
                BundledModel.get(),
                ServerConfig.defaults().withPort(0).withAccess(access),
                new FeedbackSettings(dir.resolve("limited.db"), null))
            .start();
    try {
      Http h = new Http(own.port());
      for (int i = 0; i < 3; i++) {
        assertProblem(
            h.postAs("vera_guess" + i, "/api/v1/feedback", correction("guess", "real")),
            401,
            "token-invalid");
      }
      // Past the limit, even the right token waits: a guess that happened to be right would too.
      Http.Reply limited =
          h.postAs(eve.token(), "/api/v1/feedback", correction("right, but late", "real"));
      JsonNode p = assertProblem(limited, 429, "too-many-failed-attempts");
      int retryAfter =
          Integer.parseInt(limited.raw().headers().firstValue("Retry-After").orElseThrow());
      assertTrue(retryAfter >= 1 && retryAfter <= 2, "Retry-After " + retryAfter);
      assertEquals(retryAfter, p.path("retry_after").asInt());
      JsonNode m = h.get("/api/v1/metrics").json().path("auth_refused");
      assertEquals(3, m.path("invalid_token").asLong());
      assertEquals(1, m.path("rate_limited").asLong());
      // Reading and checking are not limited.
      assertEquals(200, h.get("/api/v1/health").status());

      Thread.sleep(2100); // the window began before the first guess: it has ended by now
      Http.Reply after =
          h.postAs(eve.token(), "/api/v1/feedback", correction("after the window", "real"));
      assertEquals(201, after.status(), after.body());
      assertEquals("eve", after.json().path("analyst").asText());
    } finally {
      own.stop();
    }
  }

  @Test
  void withTokensForCheckCheckingNeedsATokenToo() throws Exception {
    Javalin own =
        VeraServer.create(
                BundledModel.get(),
                ServerConfig.defaults()
                    .withPort(0)
                    .withAccess(ServerConfig.Access.requiringTokens(tokens, true)))
            .start();
    try {
      Http h = new Http(own.port());
      String article =
          "{\"title\": \"Markets close higher\", \"text\": \"Shares rose on Tuesday.\"}";
      assertProblem(h.post("/api/v1/check", article), 401, "token-required");
      assertProblem(
          h.post("/api/v1/check/batch", "{\"articles\": [" + article + "]}"),
          401,
          "token-required");
      assertEquals(200, h.postAs(bob, "/api/v1/check", article).status());
      assertEquals(
          200, h.postAs(bob, "/api/v1/check/batch", "{\"articles\": [" + article + "]}").status());
      assertEquals(
          List.of("POST /api/v1/check", "POST /api/v1/check/batch", "POST /api/v1/feedback"),
          strings(h.get("/api/v1/health").json().path("auth").path("token_required_for")));
    } finally {
      own.stop();
    }
  }

  @Test
  void aServerBeyondLoopbackRefusesToStartWithoutTokensUnlessToldItIsInsecure() throws Exception {
    ServerConfig everywhere = ServerConfig.defaults().withPort(0).withHost("0.0.0.0");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> VeraServer.create(BundledModel.get(), everywhere));
    assertTrue(
        e.getMessage().startsWith("refusing to listen on 0.0.0.0 without analysts' tokens"),
        e.getMessage());
    assertTrue(
        e.getMessage().contains("--tokens FILE") && e.getMessage().contains("--insecure-no-auth"),
        e.getMessage());
    for (String host : List.of("::", "192.0.2.10", "vera.example.org")) {
      assertThrows(
          IllegalArgumentException.class,
          () -> everywhere.withHost(host).requireAccessControl(),
          host);
    }
    for (String host : List.of("127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost")) {
      everywhere.withHost(host).requireAccessControl(); // loopback: today's behaviour
    }

    Javalin open =
        VeraServer.create(BundledModel.get(), everywhere.withAccess(ServerConfig.Access.insecure()))
            .start();
    try {
      JsonNode auth = new Http(open.port()).get("/api/v1/health").json().path("auth");
      assertEquals("none", auth.path("scheme").asText());
      assertTrue(auth.path("insecure_no_auth").asBoolean(), auth.toString());
      assertEquals(0, auth.path("token_required_for").size());
    } finally {
      open.stop();
    }
    Javalin guarded =
        VeraServer.create(
                BundledModel.get(),
                everywhere.withAccess(ServerConfig.Access.requiringTokens(tokens, false)))
            .start();
    guarded.stop();
  }

  @Test
  void aBadTokenFileStopsTheServerAtStartUpNamingTheLine() throws Exception {
    Path bad = dir.resolve("bad.tsv");
    Files.writeString(bad, "# team\nana sha256:abc\n");
    ServerConfig config =
        ServerConfig.defaults()
            .withPort(0)
            .withAccess(ServerConfig.Access.requiringTokens(bad, false));
    TokenFileException e =
        assertThrows(
            TokenFileException.class,
            () -> VeraServer.create(BundledModel.get(), config, new FeedbackSettings(db, null)));
    assertEquals(bad + ":2: expected NAME<TAB>HASH, found no tab", e.getMessage());
  }

  private static List<String> strings(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
