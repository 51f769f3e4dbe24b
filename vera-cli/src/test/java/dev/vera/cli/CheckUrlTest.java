package dev.vera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code vera check URL}: the page is fetched, guarded, extracted and judged in input order. */
class CheckUrlTest {
  private static final String PAGE =
      "<html><head><meta property=\"og:title\" content=\"Insiders say the star couple split\">"
          + "<meta property=\"article:published_time\" content=\"2018-05-01\"></head><body>"
          + "<nav>Home News</nav><article><p>A source close to the pair claims the marriage is"
          + " over.</p><p>Representatives did not respond to requests for comment.</p></article>"
          + "<footer>Copyright</footer></body></html>";
  private static HttpServer site;

  @BeforeAll
  static void start() throws Exception {
    site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    site.createContext(
        "/story",
        ex -> {
          byte[] b = PAGE.getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          ex.sendResponseHeaders(200, b.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
          }
        });
    site.start();
  }

  @AfterAll
  static void stop() {
    site.stop(0);
  }

  private static String url() {
    return "http://127.0.0.1:" + site.getAddress().getPort() + "/story";
  }

  @Test
  void aLocalPageIsRefusedWithoutTheFlag() {
    Cli.Result r = Cli.run("check", url());
    assertEquals(VeraCommand.EXIT_SOME_RECORDS_FAILED, r.exit(), r.toString());
    assertTrue(r.err().contains("loopback"), r.toString());
    assertTrue(r.err().contains("--allow-private-hosts"), r.toString());
  }

  @Test
  void withTheFlagThePageIsJudgedInOrderWithFiles() throws Exception {
    Path file = Files.createTempFile("vera-article", ".txt");
    try {
      Files.writeString(file, "Wire report\n\nThe council approved the budget on Monday.\n");
      Cli.Result r =
          Cli.run("check", "--format", "jsonl", "--allow-private-hosts", url(), file.toString());
      assertEquals(VeraCommand.EXIT_OK, r.exit(), r.toString());
      List<JsonNode> lines = r.jsonLines();
      assertEquals(2, lines.size(), r.toString());
      assertEquals(url(), lines.get(0).path("id").asText());
      assertEquals(url(), lines.get(0).path("input").path("file").asText());
      assertEquals(file.toString(), lines.get(1).path("input").path("file").asText());
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
