package dev.vera.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vera.output.VerdictJson;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A small HTTP client for tests against a server on 127.0.0.1. */
final class Http {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final int port;

  Http(int port) {
    this.base = "http://127.0.0.1:" + port;
    this.port = port;
  }

  /** A response with its body as text. */
  record Reply(int status, String contentType, String body, @Nullable HttpResponse<String> raw) {
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

  /**
   * A JSON POST that sends {@code Expect: 100-continue} and its body only once the server asks for
   * it, as curl does with a large body: a server that refuses the declared length answers before
   * the body is sent. Over a plain socket: the JDK 17 client waits for a 100 that never comes
   * (JDK-8286171).
   */
  Reply postAskingFirst(String path, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  + "Content-Length: "
                  + body.length
                  + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      Map<String, String> head = new HashMap<>();
      int status = readHead(in, head);
      if (status == 100) {
        out.write(body);
        out.flush();
        head.clear();
        status = readHead(in, head);
      }
      byte[] answer = new byte[Integer.parseInt(head.getOrDefault("content-length", "0"))];
      in.readFully(answer);
      return new Reply(
          status,
          head.getOrDefault("content-type", ""),
          new String(answer, StandardCharsets.UTF_8),
          null);
    }
  }

  /** Reads a status line and headers (names in lower case); returns the status. */
  private static int readHead(DataInputStream in, Map<String, String> headers) throws IOException {
    String status = line(in);
    for (String h = line(in); !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      headers.put(
          h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
    }
    return Integer.parseInt(status.split(" ")[1]);
  }

  private static String line(DataInputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new EOFException("the connection closed in a response head: " + b);
      }
      if (c != '\r') {
        b.append((char) c);
      }
    }
    return b.toString();
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
