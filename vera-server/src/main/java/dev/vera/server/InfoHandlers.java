package dev.vera.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.VeraVersion;
import dev.vera.model.CredibilityModel;
import dev.vera.model.io.ModelFile;
import dev.vera.output.VerdictJson;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code GET /model}, {@code /health} and {@code /metrics}: what the server runs and how it does.
 */
final class InfoHandlers {
  private final String card;
  private final String modelId;
  private final Metrics metrics;
  private final ObjectNode auth;

  /**
   * @param access who may call what
   * @param tokenRequiredFor the operations that need a token ({@link OpenApiDocument})
   */
  InfoHandlers(
      CredibilityModel model,
      Metrics metrics,
      ServerConfig.Access access,
      List<String> tokenRequiredFor) {
    this.card = ModelFile.cardJson(model.card()).toString();
    this.modelId = model.card().modelId();
    this.metrics = metrics;
    this.auth = VerdictJson.mapper().createObjectNode();
    auth.put("scheme", access.usesTokens() ? "bearer" : "none");
    tokenRequiredFor.forEach(auth.putArray("token_required_for")::add);
    auth.put("insecure_no_auth", access.insecureNoAuth());
  }

  void model(Context ctx) {
    ctx.contentType("application/json").result(card);
  }

  void health(Context ctx) {
    ObjectNode n = VerdictJson.mapper().createObjectNode();
    n.put("status", "ok");
    n.put("model_id", modelId);
    n.put("vera_version", VeraVersion.get());
    // Whether the page must ask for a token, and whether the operator chose to run open.
    n.set("auth", auth.deepCopy());
    ctx.contentType("application/json").result(n.toString());
  }

  void metrics(Context ctx) {
    ctx.contentType("application/json").result(metrics.toJson().toString());
  }
}
