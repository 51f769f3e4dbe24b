package dev.vera.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A correction as one JSON object with snake_case keys: what {@code vera feedback export} writes
 * per line and {@code POST /api/v1/feedback} answers. The article is nested under {@code article}
 * with the fields of Vera's JSONL input.
 */
public final class CorrectionJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CorrectionJson() {}

  public static ObjectNode toJson(Correction c) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", c.id());
    n.put("created_at", c.createdAt().toString());
    n.put("analyst", c.analyst());
    n.put("label", c.label().wireName());
    n.put("note", c.note());
    n.put("content_hash", c.contentHash());
    n.put("model_id", c.modelId());
    n.put("model_label", c.modelLabel().wireName());
    n.put("model_probability_fake", Math.round(c.modelProbabilityFake() * 1e6) / 1e6);
    n.put("disagrees", c.disagrees());
    ObjectNode a = n.putObject("article");
    a.put("id", c.article().id());
    a.put("title", c.article().title());
    a.put("text", c.article().text());
    a.put("date", c.article().date() == null ? null : c.article().date().toString());
    a.put("url", c.article().url());
    a.put("source", c.article().source());
    return n;
  }

  /** One line of {@code vera feedback export}. */
  public static String line(Correction c) {
    return toJson(c).toString();
  }
}
