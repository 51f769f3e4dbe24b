package dev.vera.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.model.CredibilityModel;
import dev.vera.model.io.ModelFile;
import dev.vera.server.ServerConfig;
import dev.vera.server.VeraServer;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load driver against a real server with the bundled model, as load.sh runs it. */
class LoadDriverTest {
  private record Run(int status, String out, String err) {}

  private static Run run(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        LoadDriver.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static CredibilityModel bundledModel() throws Exception {
    try (InputStream in =
        LoadDriverTest.class.getResourceAsStream("/dev/vera/models/vera-fast-gossipcop.vera")) {
      return ModelFile.read(in, "bundled model");
    }
  }

  @Test
  void drivesTheCheckEndpointWithTheTestPartOfACorpus(@TempDir Path dir) throws Exception {
    Path articles = dir.resolve("articles.jsonl");
    Files.writeString(
        articles,
        "{\"title\": \"Star splits\", \"text\": \"Insiders say the couple split.\", \"split\": \"test\"}\n"
            + "{\"title\": \"Train only\", \"text\": \"Not a test article.\", \"split\": \"train\"}\n"
            + "{\"title\": \"Film wins\", \"text\": \"The film won three awards.\", \"split\": \"test\"}\n");
    Javalin app = VeraServer.create(bundledModel(), ServerConfig.defaults().withPort(0)).start();
    try {
      Run r =
          run(
              "--port",
              String.valueOf(app.port()),
              "--requests",
              "12",
              "--warmup",
              "2",
              "--concurrency",
              "2",
              "--articles",
              articles.toString());
      assertEquals(0, r.status(), r.toString());
      assertTrue(r.out().contains("articles: 2 from " + articles + " (test split)"), r.out());
      assertTrue(
          r.out()
              .contains(
                  "POST /api/v1/check: 12 requests (after 2 warm-up), 2 connections, 0 errors"),
          r.out());
      assertTrue(r.out().contains("requests/s; latency p50 "), r.out());
    } finally {
      app.stop();
    }
  }

  @Test
  void failedRequestsMakeItFail() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Run r =
        run(
            "--port",
            String.valueOf(closedPort),
            "--requests",
            "3",
            "--warmup",
            "0",
            "--articles",
            "none");
    assertEquals(1, r.status(), r.toString());
    assertTrue(r.out().contains("200 synthetic"), r.out());
    assertTrue(r.out().contains("3 errors"), r.out());
  }

  @Test
  void refusesUnknownArguments() throws Exception {
    Run r = run("--target", "example.org");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("unknown argument --target"), r.err());
  }
}
