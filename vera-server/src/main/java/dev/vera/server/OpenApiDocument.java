package dev.vera.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.output.VerdictJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAPI document as this server serves it: the bundled {@code openapi.json} with each
 * operation's {@code security} set by the same {@link ServerConfig.Access} that {@link TokenGate}
 * enforces, so that it declares the bearer token exactly where this server asks for one (and the
 * 401 and 429 answers that come with it), and nowhere else: a server without tokens declares no
 * scheme at all.
 */
final class OpenApiDocument {
  private static final String RESOURCE = "/dev/vera/server/openapi.json";

  /** The name of the bearer scheme in {@code components.securitySchemes}. */
  static final String SCHEME = "analystToken";

  private final byte[] bytes;
  private final List<String> tokenRequiredFor = new ArrayList<>();

  OpenApiDocument(ServerConfig.Access access) {
    ObjectNode doc = load();
    String base = doc.path("servers").path(0).path("url").asText();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        String method = op.getKey().toUpperCase(Locale.ROOT);
        ObjectNode operation = (ObjectNode) op.getValue();
        ArrayNode security = operation.putArray("security");
        if (access.requiresToken(method, base + path.getKey())) {
          security.addObject().putArray(SCHEME);
          tokenRequiredFor.add(method + " " + base + path.getKey());
          ObjectNode responses = (ObjectNode) operation.path("responses");
          responses.set("401", problemRef());
          responses.set("429", problemRef());
          sortByStatus(responses);
        }
      }
    }
    if (tokenRequiredFor.isEmpty()) {
      // A server without tokens has no scheme to declare: an unused one would only mislead.
      ((ObjectNode) doc.path("components")).remove("securitySchemes");
    }
    this.bytes = doc.toPrettyString().getBytes(StandardCharsets.UTF_8);
  }

  /** The document, as JSON. */
  byte[] bytes() {
    return bytes.clone();
  }

  /** The operations that need a token, as {@code METHOD /api/v1/path}. */
  List<String> tokenRequiredFor() {
    return List.copyOf(tokenRequiredFor);
  }

  private static ObjectNode problemRef() {
    return VerdictJson.mapper().createObjectNode().put("$ref", "#/components/responses/Problem");
  }

  private static void sortByStatus(ObjectNode responses) {
    Map<String, JsonNode> sorted = new TreeMap<>();
    responses.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
    responses.removeAll();
    sorted.forEach(responses::set);
  }

  private static ObjectNode load() {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE + " in this build");
      }
      return (ObjectNode) VerdictJson.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
