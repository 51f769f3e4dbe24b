package dev.vera.claims;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The {@code claims} field of a verdict, shared by {@code vera check --format jsonl} and {@code
 * POST /api/v1/check}: one object per sentence reported (check-worthy, or matching a fact-check).
 */
public final class ClaimsJson {
  private ClaimsJson() {}

  public static ArrayNode claims(List<CheckedClaim> claims) {
    ArrayNode arr = JsonNodeFactory.instance.arrayNode();
    for (CheckedClaim c : claims) {
      ObjectNode o = arr.addObject();
      o.put("sentence", c.sentence().text());
      o.put("start", c.sentence().start());
      o.put("end", c.sentence().end());
      o.put("check_worthy_probability", c.probability());
      o.put("check_worthy", c.checkWorthy());
      ArrayNode m = o.putArray("matches");
      for (FactCheckIndex.Hit h : c.matches()) {
        FactCheck f = h.factCheck();
        ObjectNode x = m.addObject();
        x.put("id", f.id());
        x.put("claim", f.claim());
        x.put("verdict", f.verdict());
        x.put("publisher", f.publisher());
        x.put("date", f.date());
        x.put("url", f.url());
        x.put("speaker", f.speaker());
        x.put("score", h.score());
      }
    }
    return arr;
  }
}
