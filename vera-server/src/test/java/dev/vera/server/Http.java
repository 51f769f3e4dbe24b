package dev.vera.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vera.output.VerdictJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small HTTP client for tests against a server on 127.0.0.1. */
final class Http {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  Http(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** A response with its body as text. */
  record Reply(int status, String contentType, String body, HttpResponse<String> raw) {
    JsonNode json() throws IOException {
      return VerdictJson.mapper().readTree(body);
    }
  }

  Reply get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  Reply post(String path, String json) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  /** A JSON POST with {@code Authorization: Bearer token}. */
  Reply postAs(String token, String path, String json) throws Exception {
    return postWith(path, json, "Authorization", "Bearer " + token);
  }

  /** A JSON POST with more headers, given as name, value, name, value… */
  Reply postWith(String path, String json, String... headers) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .headers(headers)
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  Reply post(String path, String contentType, String body) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  /** A POST without Content-Length (chunked), so the server cannot refuse it up front. */
  Reply postChunked(String path, byte[] body) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
  }

  private static Reply send(HttpRequest.Builder b) throws Exception {
    HttpResponse<String> r =
        CLIENT.send(
            b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(
        r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r);
  }
}
