package dev.vera.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The web page, its script and style, and the OpenAPI document ({@link OpenApiDocument}): files
 * inside the jar, read once at start. Nothing is loaded from another host, and the page's
 * Content-Security-Policy says so.
 */
final class StaticResources {
  private static final String BASE = "/dev/vera/server/";
  private static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private final byte[] index = load("web/index.html");
  private final byte[] script = load("web/vera.js");
  private final byte[] style = load("web/vera.css");
  private final byte[] openApi;

  /**
   * The page's files from the jar; {@code openApi}, the API's description as this server serves it.
   */
  StaticResources(byte[] openApi) {
    this.openApi = openApi.clone();
  }

  void index(Context ctx) {
    send(ctx, "text/html; charset=utf-8", index);
  }

  void script(Context ctx) {
    send(ctx, "text/javascript; charset=utf-8", script);
  }

  void style(Context ctx) {
    send(ctx, "text/css; charset=utf-8", style);
  }

  void openApi(Context ctx) {
    ctx.contentType("application/json").result(openApi);
  }

  private static void send(Context ctx, String type, byte[] body) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType(type).result(body);
  }

  private static byte[] load(String name) {
    try (InputStream in = StaticResources.class.getResourceAsStream(BASE + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BASE + name + " in this build");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
