package dev.vera.server;

import static dev.vera.server.ApiTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vera.article.Article;
import dev.vera.model.ScoringOptions;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code {url}} articles: a news page served on 127.0.0.1 is refused by the default server and
 * fetched by one started with private hosts allowed.
 */
class ApiFetchTest {
  static final String PAGE =
      "<!DOCTYPE html><html><head><meta property=\"og:title\" content=\""
          + Articles.RUMOR_TITLE
          + "\"><meta property=\"article:published_time\" content=\"2018-03-14T08:00:00Z\"></head>"
          + "<body><nav><a href=\"/\">Home</a></nav><article>"
          + "<p>"
          + String.join("</p><p>", Articles.RUMOR_TEXT.split("\n\n"))
          + "</p>"
          + "</article><footer>All rights reserved</footer></body></html>";

  private static HttpServer site;
  private static Javalin strict;
  private static Javalin trusting;

  @BeforeAll
  static void start() throws IOException {
    site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    site.createContext("/news/story", ex -> send(ex, "text/html; charset=utf-8", PAGE));
    site.createContext("/feed.json", ex -> send(ex, "application/json", "{}"));
    site.createContext(
        "/moved",
        ex -> {
          ex.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/");
          ex.sendResponseHeaders(302, -1);
          ex.close();
        });
    site.start();
    strict = VeraServer.create(BundledModel.get(), ServerConfig.defaults().withPort(0)).start();
    trusting =
        VeraServer.create(
                BundledModel.get(), ServerConfig.defaults().withPort(0).withAllowPrivateHosts(true))
            .start();
  }

  @AfterAll
  static void stop() {
    strict.stop();
    trusting.stop();
    site.stop(0);
  }

  private static void send(HttpExchange ex, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + site.getAddress().getPort() + path;
  }

  private static String body(String url) {
    return "{\"url\": \"" + url + "\"}";
  }

  @Test
  void privateAndMetadataAddressesAreRefusedByDefault() throws Exception {
    Http http = new Http(strict.port());
    for (String url :
        List.of(
            url("/news/story"),
            "http://localhost:" + site.getAddress().getPort() + "/news/story",
            "http://10.20.30.40/news",
            "http://169.254.169.254/latest/meta-data/",
            "http://[::1]/",
            "http://192.168.0.10/")) {
      JsonNode p = assertProblem(http.post("/api/v1/check", body(url)), 403, "url-refused");
      assertTrue(p.path("detail").asText().contains("--allow-private-hosts"), p.toString());
    }
    assertProblem(http.post("/api/v1/check", body("file:///etc/passwd")), 400, "bad-url");
    assertProblem(http.post("/api/v1/check", body("gopher://example.com/")), 400, "bad-url");
  }

  @Test
  void withTheFlagALocalPageIsFetchedAndJudgedLikeItsText() throws Exception {
    Http http = new Http(trusting.port());
    Http.Reply r = http.post("/api/v1/check?explain=true", body(url("/news/story")));
    assertEquals(200, r.status(), r.body());
    JsonNode got = r.json();
    JsonNode article = got.path("article");
    assertTrue(article.path("fetched").asBoolean());
    assertEquals(Articles.RUMOR_TITLE, article.path("title").asText());
    assertEquals("2018-03-14", article.path("date").asText());
    assertEquals(url("/news/story"), article.path("url").asText());
    assertEquals(Articles.RUMOR_TEXT, article.path("text").asText());
    Article same =
        new Article(
            null,
            article.path("title").asText(),
            article.path("text").asText(),
            LocalDate.of(2018, 3, 14),
            article.path("url").asText(),
            article.path("source").asText(),
            null,
            Map.of());
    assertEquals(
        ApiTest.round6(BundledModel.get().predict(same, ScoringOptions.DEFAULT).probabilityFake()),
        got.path("probability_fake").asDouble(),
        0.0);
    assertProblem(http.post("/api/v1/check", body(url("/feed.json"))), 422, "not-html");
    // The first hop is allowed by the flag; the redirect target is still checked, and a dead
    // metadata address fails to connect rather than being fetched from.
    assertTrue(http.post("/api/v1/check", body(url("/moved"))).status() >= 500);
  }
}
