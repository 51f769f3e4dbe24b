package dev.vera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code vera serve} starts the server with the bundled model, prints its URL and stops. */
class ServeCommandTest {
  @Test
  void servesTheBundledModelAndAgreesWithCheck() throws Exception {
    CommandLine cl = VeraCommand.newCommandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    ServeCommand serve = cl.getSubcommands().get("serve").getCommand();
    AtomicInteger exit = new AtomicInteger(-1);
    long start = System.nanoTime();
    Thread t = new Thread(() -> exit.set(cl.execute("serve", "--port", "0")));
    t.start();
    while (serve.app == null && t.isAlive() && System.nanoTime() - start < 20_000_000_000L) {
      Thread.sleep(20);
    }
    try {
      assertTrue(serve.app != null, "the server did not start: " + out);
      int port = serve.app.port();
      assertTrue(out.toString().contains("http://127.0.0.1:" + port + "/"), out.toString());

      String title = "Insiders claim the star couple secretly split";
      String text = "A source close to the pair says the marriage is over, allegedly.";
      String body =
          VerdictJson.mapper().createObjectNode().put("title", title).put("text", text).toString();
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/check"))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      JsonNode got = VerdictJson.mapper().readTree(r.body());
      CredibilityModel model = ModelOption.load(null);
      double p = model.predict(Article.of(title, text), ScoringOptions.DEFAULT).probabilityFake();
      assertEquals(Math.round(p * 1e6) / 1e6, got.path("probability_fake").asDouble(), 0.0);
    } finally {
      serve.stop.countDown();
      t.join(10_000);
    }
    assertEquals(VeraCommand.EXIT_OK, exit.get());
  }

  @Test
  void aBadPortIsAUsageError() {
    Cli.Result r = Cli.run("serve", "--port", "70000");
    assertEquals(VeraCommand.EXIT_USAGE, r.exit(), r.toString());
    assertTrue(r.err().contains("--port"), r.toString());
  }
}
