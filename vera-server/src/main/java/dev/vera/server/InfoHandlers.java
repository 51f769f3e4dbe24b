package dev.vera.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.VeraVersion;
import dev.vera.model.CredibilityModel;
import dev.vera.model.io.ModelFile;
import dev.vera.output.VerdictJson;
import io.javalin.http.Context;

/** {@code GET /model}, {@code /health} and {@code /metrics}: what the server runs and how it does. */
final class InfoHandlers {
  private final String card;
  private final String modelId;
  private final Metrics metrics;

  InfoHandlers(CredibilityModel model, Metrics metrics) {
    this.card = ModelFile.cardJson(model.card()).toString();
    this.modelId = model.card().modelId();
    this.metrics = metrics;
  }

  void model(Context ctx) {
    ctx.contentType("application/json").result(card);
  }

  void health(Context ctx) {
    ObjectNode n = VerdictJson.mapper().createObjectNode();
    n.put("status", "ok");
    n.put("model_id", modelId);
    n.put("vera_version", VeraVersion.get());
    ctx.contentType("application/json").result(n.toString());
  }

  void metrics(Context ctx) {
    ctx.contentType("application/json").result(metrics.toJson().toString());
  }
}
