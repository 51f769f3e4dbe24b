package dev.vera.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.io.Sizes;
import dev.vera.output.VerdictJson;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Reads request bodies as JSON objects, never more than the body limit. */
final class JsonBodies {
  /**
   * Refuses trailing content after the object and repeated keys, which parsers read differently.
   */
  private static final ObjectReader STRICT =
      VerdictJson.mapper()
          .reader()
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private JsonBodies() {}

  /**
   * The request body as a JSON object.
   *
   * @throws ApiProblem 413 over {@code maxBytes}, 415 for form or multipart bodies, 400 for
   *     anything that is not one JSON object
   */
  static ObjectNode readObject(Context ctx, long maxBytes) throws IOException {
    requireJson(ctx.contentType());
    long declared = ctx.req().getContentLengthLong();
    byte[] body;
    try (InputStream in = ctx.bodyInputStream()) {
      if (declared > maxBytes) {
        // A client still sending when the answer comes may see a reset instead of the answer:
        // read and drop a body up to twice the limit first; a larger one just loses the race.
        if (declared <= 2 * maxBytes) {
          discard(in, declared);
        }
        throw bodyTooLarge(declared, maxBytes);
      }
      body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxBytes + 1));
      if (body.length > maxBytes) {
        discard(in, maxBytes);
        throw bodyTooLarge(-1, maxBytes);
      }
    }
    if (body.length == 0) {
      throw ApiProblem.badRequest(
          "invalid-json", "Invalid JSON", "the request body is empty; send a JSON object");
    }
    JsonNode n;
    try {
      n = STRICT.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiProblem.badRequest(
          "invalid-json",
          "Invalid JSON",
          "the request body is not valid JSON: "
              + e.getOriginalMessage()
              + (e.getLocation() == null
                  ? ""
                  : " (line "
                      + e.getLocation().getLineNr()
                      + ", column "
                      + e.getLocation().getColumnNr()
                      + ")"));
    }
    if (n == null || !n.isObject()) {
      throw ApiProblem.badRequest(
          "invalid-json", "Invalid JSON", "the request body must be a JSON object");
    }
    return (ObjectNode) n;
  }

  /**
   * Only {@code application/json} (UTF-8): {@code text/plain}, forms and a missing type are what a
   * browser sends cross-site without asking first, so a JSON endpoint that took them could be
   * driven by any page.
   */
  static void requireJson(@Nullable String contentType) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    String media = type.split(";", 2)[0].strip();
    String charset =
        type.contains("charset=")
            ? type.substring(type.indexOf("charset=") + 8)
                .split(";", 2)[0]
                .strip()
                .replace("\"", "")
            : "utf-8";
    if (!media.equals("application/json") || !charset.equals("utf-8")) {
      throw new ApiProblem(
          415,
          "unsupported-media-type",
          "Unsupported media type",
          "send the request body as JSON with Content-Type: application/json (UTF-8), not "
              + (type.isEmpty() ? "no Content-Type" : type));
    }
  }

  private static void discard(InputStream in, long max) throws IOException {
    byte[] buffer = new byte[65536];
    long left = max;
    for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; ) {
      left -= n;
    }
  }

  static ApiProblem bodyTooLarge(long size, long max) {
    String what =
        size > 0 ? "the request body is " + Sizes.describe(size) : "the request body is larger";
    return ApiProblem.tooLarge(
        "body-too-large",
        "Request body too large",
        what + ", over the " + Sizes.describe(max) + " limit (max_body_bytes = " + max + ")",
        "max_body_bytes",
        max);
  }
}
