package dev.vera.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import dev.vera.output.VerdictJson;
import dev.vera.server.tokens.TokenFile;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document each kind of server serves: it declares the bearer token exactly where the
 * server asks for one, and it passes Redocly CLI's recommended rules with no error and no warning
 * (the CLI a client of the API would lint it with, installed by the build from the npm registry).
 */
class OpenApiDocumentTest {
  @TempDir static Path dir;
  private static Path tokens;
  private static String token;

  /** The servers whose documents differ: open on loopback, tokens for writes, tokens for all. */
  private static final Map<String, ServerConfig.Access> KINDS = new LinkedHashMap<>();

  @BeforeAll
  static void tokens() throws Exception {
    tokens = dir.resolve("tokens.tsv");
    TokenFile.Added a = TokenFile.readOrNew(tokens).add("ana");
    a.file().write();
    token = a.token();
    KINDS.put("open", ServerConfig.Access.open());
    KINDS.put("tokens", ServerConfig.Access.requiringTokens(tokens, false));
    KINDS.put("tokens-for-check", ServerConfig.Access.requiringTokens(tokens, true));
  }

  private static Javalin start(ServerConfig.Access access) throws Exception {
    return VeraServer.create(
            BundledModel.get(),
            ServerConfig.defaults().withPort(0).withAccess(access),
            new FeedbackSettings(dir.resolve("feedback.db"), "desk"))
        .start();
  }

  /**
   * Every operation of every served document: with {@code security} naming the bearer scheme, a
   * request without a token is 401 and one with a token is not; with an empty {@code security}, a
   * request without a token is not 401.
   */
  @Test
  void eachOperationDeclaresATokenExactlyWhenTheServerAsksForOne() throws Exception {
    for (Map.Entry<String, ServerConfig.Access> kind : KINDS.entrySet()) {
      Javalin app = start(kind.getValue());
      try {
        Http http = new Http(app.port());
        JsonNode doc = http.get("/api/v1/openapi.json").json();
        if (kind.getValue().usesTokens()) {
          assertEquals("http", doc.at("/components/securitySchemes/analystToken/type").asText());
          assertEquals(
              "bearer", doc.at("/components/securitySchemes/analystToken/scheme").asText());
        } else {
          assertTrue(doc.at("/components/securitySchemes").isMissingNode(), "a scheme nobody uses");
        }
        int declared = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
            paths.hasNext(); ) {
          Map.Entry<String, JsonNode> path = paths.next();
          for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
              ops.hasNext(); ) {
            Map.Entry<String, JsonNode> op = ops.next();
            String what = kind.getKey() + ": " + op.getKey() + " " + path.getKey();
            JsonNode security = op.getValue().path("security");
            assertTrue(security.isArray(), what + " declares no security");
            boolean needsToken = security.size() == 1 && security.get(0).has("analystToken");
            assertTrue(needsToken || security.isEmpty(), what + ": " + security);
            boolean post = op.getKey().equals("post");
            String url = "/api/v1" + path.getKey();
            String body = path.getKey().equals("/check/batch") ? "{\"articles\": []}" : "{}";
            Http.Reply anonymous = post ? http.post(url, body) : http.get(url);
            assertEquals(
                needsToken, anonymous.status() == 401, what + " answered " + anonymous.status());
            if (needsToken) {
              declared++;
              assertTrue(
                  op.getValue().path("responses").has("401")
                      && op.getValue().path("responses").has("429"),
                  what);
              assertTrue(
                  http.postAs(token, url, body).status() != 401, what + " refused the token");
            }
          }
        }
        int expected =
            switch (kind.getKey()) {
              case "open" -> 0;
              case "tokens" -> 1;
              default -> 3;
            };
        assertEquals(expected, declared, kind.getKey());
      } finally {
        app.stop();
      }
    }
  }

  @Test
  void everyServedDocumentLintsCleanUnderRedoclysRecommendedRules() throws Exception {
    List<Path> documents = new ArrayList<>();
    for (Map.Entry<String, ServerConfig.Access> kind : KINDS.entrySet()) {
      Javalin app = start(kind.getValue());
      try {
        Path doc = dir.resolve("openapi-" + kind.getKey() + ".json");
        Files.writeString(
            doc, new Http(app.port()).get("/api/v1/openapi.json").body(), StandardCharsets.UTF_8);
        documents.add(doc);
      } finally {
        app.stop();
      }
    }
    Lint lint = redocly(documents);
    assertEquals(
        documents.size(), lint.reports().size(), "one report per document:\n" + lint.stderr());
    List<String> problems = new ArrayList<>();
    for (JsonNode report : lint.reports()) {
      for (JsonNode p : report.path("problems")) {
        problems.add(
            p.path("severity").asText()
                + " "
                + p.path("ruleId").asText()
                + " at "
                + p.path("location").path(0).path("source").path("ref").asText()
                + p.path("location").path(0).path("pointer").asText()
                + ": "
                + p.path("message").asText());
      }
      assertEquals(0, report.at("/totals/errors").asInt(-1), String.join("\n", problems));
      assertEquals(0, report.at("/totals/warnings").asInt(-1), String.join("\n", problems));
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
    System.out.printf(
        Locale.ROOT,
        "redocly lint (recommended, %s): %d documents, 0 errors, 0 warnings%n",
        lint.reports().get(0).path("version").asText(),
        documents.size());
  }

  /** What {@code redocly lint --format=json} printed: one JSON report per document. */
  private record Lint(List<JsonNode> reports, String stderr) {}

  private static Lint redocly(List<Path> documents) throws IOException, InterruptedException {
    Path home = Path.of(System.getProperty("vera.openapi.lint", "target/openapi-lint"));
    Path cli = home.resolve("node_modules/.bin/redocly");
    assertTrue(
        Files.isExecutable(cli),
        cli
            + " is missing: the build installs it (npm ci in "
            + home
            + ", the process-test-resources phase)");
    List<String> command =
        new ArrayList<>(
            List.of(
                cli.toString(),
                "lint",
                "--format=json",
                "--config",
                home.resolve("redocly.yaml").toString()));
    documents.forEach(d -> command.add(d.toString()));
    Path out = dir.resolve("redocly.out");
    Path err = dir.resolve("redocly.err");
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    // No telemetry and no update check: the build reaches nothing but the package registries.
    pb.environment().put("REDOCLY_TELEMETRY", "off");
    pb.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
    pb.environment().put("NO_COLOR", "1");
    Process p = pb.start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "redocly lint took over 120 s");
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    List<JsonNode> reports = new ArrayList<>();
    try (MappingIterator<JsonNode> it =
        VerdictJson.mapper().readerFor(JsonNode.class).readValues(out.toFile())) {
      while (it.hasNext()) {
        reports.add(it.next());
      }
    }
    return new Lint(reports, "exit " + p.exitValue() + "\n" + stderr);
  }
}
