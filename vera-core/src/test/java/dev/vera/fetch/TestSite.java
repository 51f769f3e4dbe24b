package dev.vera.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small web site on 127.0.0.1 for fetch tests: an article, redirects (to it, in a loop, to
 * loopback and to the metadata address), a JSON document, an oversized page and a slow page.
 */
final class TestSite implements AutoCloseable {
  private final HttpServer server;

  /** Requests answered so far, and the last Authorization header seen (null: none). */
  final AtomicInteger requests = new AtomicInteger();

  volatile String lastAuthorization;

  TestSite() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  private void handle(HttpExchange ex) throws IOException {
    requests.incrementAndGet();
    lastAuthorization = ex.getRequestHeaders().getFirst("Authorization");
    String path = ex.getRequestURI().getPath();
    switch (path) {
      case "/article" ->
          send(
              ex,
              200,
              "text/html; charset=utf-8",
              HtmlArticleExtractorTest.page("article-layout.html"));
      case "/redirect" -> redirect(ex, "/article");
      case "/redirect-twice" -> redirect(ex, "/redirect");
      case "/loop" -> redirect(ex, "/loop");
      case "/to-loopback" -> redirect(ex, "http://127.0.0.1:" + port() + "/article");
      case "/to-localhost" -> redirect(ex, "http://localhost:" + port() + "/article");
      case "/to-metadata" -> redirect(ex, "http://169.254.169.254/latest/meta-data/");
      case "/to-file" -> redirect(ex, "file:///etc/passwd");
      case "/json" -> send(ex, 200, "application/json", "{\"title\": \"not a page\"}");
      case "/no-type" -> send(ex, 200, null, "<html><body><p>text</p></body></html>");
      case "/big" ->
          send(
              ex, 200, "text/html", "<html><body><p>" + "x".repeat(200_000) + "</p></body></html>");
      case "/gone" -> send(ex, 404, "text/html", "<html><body><p>not here</p></body></html>");
      case "/slow" -> {
        try {
          Thread.sleep(3_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        send(ex, 200, "text/html", "<html><body><p>late</p></body></html>");
      }
      default -> send(ex, 404, "text/plain", "no such page");
    }
  }

  private static void redirect(HttpExchange ex, String location) throws IOException {
    ex.getResponseHeaders().set("Location", location);
    ex.sendResponseHeaders(302, -1);
    ex.close();
  }

  private static void send(HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (type != null) {
      ex.getResponseHeaders().set("Content-Type", type);
    }
    try {
      ex.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException e) {
      // The client may hang up early (size cap, timeout): that is what some tests want.
    }
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
