package dev.vera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vera.article.Article;
import dev.vera.model.CredibilityModel;
import dev.vera.model.ScoringOptions;
import dev.vera.output.VerdictJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code vera serve} starts the server with the bundled model, prints its URL and stops. */
class ServeCommandTest {
  @Test
  void servesTheBundledModelAndAgreesWithCheck() throws Exception {
    Running r = serve("--port", "0");
    try {
      int port = r.port();
      assertTrue(r.out().toString().contains("http://127.0.0.1:" + port + "/"), r.out().toString());

      String title = "Insiders claim the star couple secretly split";
      String text = "A source close to the pair says the marriage is over, allegedly.";
      String body =
          VerdictJson.mapper().createObjectNode().put("title", title).put("text", text).toString();
      HttpResponse<String> answer = post(port, "/api/v1/check", body);
      assertEquals(200, answer.statusCode(), answer.body());
      JsonNode got = VerdictJson.mapper().readTree(answer.body());
      CredibilityModel model = ModelOption.load(null);
      double p = model.predict(Article.of(title, text), ScoringOptions.DEFAULT).probabilityFake();
      assertEquals(Math.round(p * 1e6) / 1e6, got.path("probability_fake").asDouble(), 0.0);
      assertEquals(
          "none",
          health(port).path("auth").path("scheme").asText(),
          "loopback without tokens: as before");
    } finally {
      assertEquals(VeraCommand.EXIT_OK, r.stop());
    }
  }

  /** A running {@code vera serve}, its output so far, and how it ended. */
  private record Running(
      ServeCommand serve, Thread thread, StringWriter out, StringWriter err, AtomicInteger exit) {
    int port() {
      return serve.app.port();
    }

    int stop() throws InterruptedException {
      serve.stop.countDown();
      thread.join(10_000);
      return exit.get();
    }
  }

  private static Running serve(String... args) throws InterruptedException {
    CommandLine cl = VeraCommand.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    ServeCommand serve = cl.getSubcommands().get("serve").getCommand();
    AtomicInteger exit = new AtomicInteger(-1);
    String[] all = new String[args.length + 1];
    all[0] = "serve";
    System.arraycopy(args, 0, all, 1, args.length);
    Thread t = new Thread(() -> exit.set(cl.execute(all)));
    t.start();
    long start = System.nanoTime();
    while (serve.app == null && t.isAlive() && System.nanoTime() - start < 20_000_000_000L) {
      Thread.sleep(20);
    }
    assertTrue(serve.app != null, "the server did not start: " + out + err);
    return new Running(serve, t, out, err, exit);
  }

  private static HttpResponse<String> post(int port, String path, String body, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode health(int port) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return VerdictJson.mapper().readTree(r.body());
  }

  /**
   * The whole team set-up: a token made with vera token add opens vera serve --tokens to its
   * analyst.
   */
  @Test
  void aTokenFromVeraTokenAddLetsItsAnalystCorrectUnderTheirName(@TempDir Path dir)
      throws Exception {
    Path tokens = dir.resolve("tokens.tsv");
    String token =
        Cli.expect(0, "token", "add", "ana", "--tokens", tokens.toString()).outLines().get(0);
    Running r =
        serve(
            "--port",
            "0",
            "--tokens",
            tokens.toString(),
            "--feedback-db",
            dir.resolve("f.db").toString());
    try {
      String first = r.out().toString().lines().findFirst().orElse("");
      assertFalse(first.contains("INSECURE"), first);
      assertTrue(
          r.out().toString().contains("  tokens:   " + tokens + " (a token is needed to correct;"),
          r.out().toString());
      String correction =
          "{\"article\": {\"title\": \"Star weds in secret\", \"text\": \"Insiders say so.\"}, \"label\": \"real\", \"note\": \"venue confirmed\"}";
      HttpResponse<String> anonymous = post(r.port(), "/api/v1/feedback", correction);
      assertEquals(401, anonymous.statusCode(), anonymous.body());
      assertTrue(
          anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
      HttpResponse<String> ana =
          post(r.port(), "/api/v1/feedback", correction, "Authorization", "Bearer " + token);
      assertEquals(201, ana.statusCode(), ana.body());
      assertEquals("ana", VerdictJson.mapper().readTree(ana.body()).path("analyst").asText());
      assertEquals("bearer", health(r.port()).path("auth").path("scheme").asText());
    } finally {
      assertEquals(VeraCommand.EXIT_OK, r.stop());
    }
  }

  @Test
  void beyondLoopbackServeRefusesToStartWithoutTokens() {
    Cli.Result r = Cli.run("serve", "--host", "0.0.0.0", "--port", "0");
    assertEquals(VeraCommand.EXIT_USAGE, r.exit(), r.toString());
    assertTrue(
        r.err().contains("refusing to listen on 0.0.0.0 without analysts' tokens"), r.toString());
    assertTrue(
        r.err().contains("--tokens FILE") && r.err().contains("--insecure-no-auth"), r.toString());
  }

  @Test
  void insecureNoAuthSaysSoInTheStartUpLineAndInHealth() throws Exception {
    Running r = serve("--host", "0.0.0.0", "--port", "0", "--insecure-no-auth");
    try {
      String first = r.out().toString().lines().findFirst().orElse("");
      assertTrue(
          first.startsWith("vera serve: http://0.0.0.0:")
              && first.endsWith(", INSECURE: no authentication"),
          first);
      assertTrue(
          r.out().toString().contains("warning: --insecure-no-auth: anyone who reaches"),
          r.out().toString());
      JsonNode auth = health(r.port()).path("auth");
      assertTrue(auth.path("insecure_no_auth").asBoolean(), auth.toString());
      assertEquals("none", auth.path("scheme").asText());
    } finally {
      assertEquals(VeraCommand.EXIT_OK, r.stop());
    }
  }

  @Test
  void contradictoryAccessOptionsAreUsageErrors(@TempDir Path dir) throws Exception {
    Path tokens = dir.resolve("tokens.tsv");
    Cli.expect(0, "token", "add", "ana", "--tokens", tokens.toString());
    Cli.Result forCheck =
        Cli.expect(VeraCommand.EXIT_USAGE, "serve", "--port", "0", "--tokens-for-check");
    assertTrue(
        forCheck.err().contains("--tokens-for-check needs --tokens FILE"), forCheck.toString());
    Cli.Result both =
        Cli.expect(
            VeraCommand.EXIT_USAGE,
            "serve",
            "--port",
            "0",
            "--tokens",
            tokens.toString(),
            "--insecure-no-auth");
    assertTrue(both.err().contains("contradict"), both.toString());
    Cli.Result named =
        Cli.expect(
            VeraCommand.EXIT_USAGE,
            "serve",
            "--port",
            "0",
            "--tokens",
            tokens.toString(),
            "--analyst",
            "desk");
    assertTrue(named.err().contains("--analyst has no use with --tokens"), named.toString());
    Path bad = dir.resolve("bad.tsv");
    Files.writeString(bad, "ana\tvera_oops\n");
    Cli.Result badFile =
        Cli.expect(VeraCommand.EXIT_FAILED, "serve", "--port", "0", "--tokens", bad.toString());
    assertTrue(
        badFile.err().contains(bad + ":1: this line holds a token, not its hash"),
        badFile.toString());
  }

  @Test
  void aBadPortIsAUsageError() {
    Cli.Result r = Cli.run("serve", "--port", "70000");
    assertEquals(VeraCommand.EXIT_USAGE, r.exit(), r.toString());
    assertTrue(r.err().contains("--port"), r.toString());
  }
}
