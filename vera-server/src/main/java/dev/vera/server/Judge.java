package dev.vera.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.article.Article;
import dev.vera.model.CredibilityModel;
import dev.vera.model.Explanation;
import dev.vera.output.VerdictJson;

/**
 * Judges one article with the model and writes the answer: {@link VerdictJson#verdict} (the shape
 * {@code vera check --format jsonl} prints), plus the model id and, when explaining, every style
 * feature.
 */
final class Judge {
  private final CredibilityModel model;
  private final String modelId;

  Judge(CredibilityModel model) {
    this.model = model;
    this.modelId = model.card().modelId();
  }

  String modelId() {
    return modelId;
  }

  ObjectNode verdict(Article article, CheckOptions options) {
    if (!options.reasons()) {
      ObjectNode n = VerdictJson.verdict(model.predict(article, options.scoring()), null, null);
      n.put("model_id", modelId);
      return n;
    }
    Explanation e = model.explain(article, options.scoring(), options.topK(), options.explain());
    ObjectNode n = VerdictJson.verdict(e.verdict(), e, null);
    n.put("model_id", modelId);
    if (options.explain()) {
      ArrayNode style = n.putArray("style");
      for (Explanation.StyleEvidence s : e.style()) {
        style
            .addObject()
            .put("feature", s.feature())
            .put("value", round(s.value()))
            .put("weight", round(s.weight()));
      }
      if (!n.has("sentences")) {
        n.putArray("sentences");
      }
    }
    return n;
  }

  private static double round(double d) {
    return Math.round(d * 1e6) / 1e6;
  }
}
