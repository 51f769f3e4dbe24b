package dev.vera.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.model.ScoringOptions;
import io.javalin.http.Context;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How to judge: {@code use_source}, {@code threshold}, {@code base_rate} and {@code explain}, read
 * from the JSON body or, when the body does not say, from the query string. Without {@code explain}
 * the answer holds what {@code vera check --format jsonl} prints (five phrases each way and the
 * strong style signs); with it, what {@code vera check --explain} adds: ten phrases each way, the
 * sentences that move the probability most, and every style feature. {@code reasons=false} skips
 * the explanation altogether (an empty {@code reasons} list) for bulk scoring: about six times
 * cheaper, same probability.
 */
record CheckOptions(ScoringOptions scoring, boolean explain, boolean reasons) {
  static final int TOP = 5;
  static final int TOP_EXPLAINED = 10;

  int topK() {
    return explain ? TOP_EXPLAINED : TOP;
  }

  static CheckOptions read(ObjectNode body, Context ctx) {
    boolean useSource =
        bool(body.get("use_source"), ctx.queryParam("use_source"), "use_source", false);
    boolean explain = bool(body.get("explain"), ctx.queryParam("explain"), "explain", false);
    boolean reasons = bool(body.get("reasons"), ctx.queryParam("reasons"), "reasons", true);
    if (explain && !reasons) {
      throw ApiProblem.badRequest(
          "invalid-option", "Invalid option", "explain=true needs reasons; drop reasons=false");
    }
    Double threshold = probability(body.get("threshold"), ctx.queryParam("threshold"), "threshold");
    Double baseRate = probability(body.get("base_rate"), ctx.queryParam("base_rate"), "base_rate");
    try {
      return new CheckOptions(new ScoringOptions(useSource, threshold, baseRate), explain, reasons);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("invalid-option", "Invalid option", e.getMessage());
    }
  }

  private static boolean bool(
      @Nullable JsonNode fromBody, @Nullable String fromQuery, String name, boolean absent) {
    if (fromBody != null && !fromBody.isNull()) {
      if (!fromBody.isBoolean()) {
        throw ApiProblem.badRequest(
            "invalid-option", "Invalid option", name + " must be true or false");
      }
      return fromBody.booleanValue();
    }
    if (fromQuery == null || fromQuery.isEmpty()) {
      return absent;
    }
    switch (fromQuery.toLowerCase(Locale.ROOT)) {
      case "true":
      case "1":
        return true;
      case "false":
      case "0":
        return false;
      default:
        throw ApiProblem.badRequest(
            "invalid-option", "Invalid option", name + " must be true or false, was " + fromQuery);
    }
  }

  /** A number strictly between 0 and 1 ({@code threshold}, {@code base_rate}), or null. */
  private static @Nullable Double probability(
      @Nullable JsonNode fromBody, @Nullable String fromQuery, String name) {
    if (fromBody != null && !fromBody.isNull()) {
      if (!fromBody.isNumber()) {
        throw ApiProblem.badRequest(
            "invalid-option", "Invalid option", name + " must be a number between 0 and 1");
      }
      return fromBody.doubleValue();
    }
    if (fromQuery == null || fromQuery.isEmpty()) {
      return null;
    }
    try {
      return Double.parseDouble(fromQuery);
    } catch (NumberFormatException e) {
      throw ApiProblem.badRequest(
          "invalid-option",
          "Invalid option",
          name + " must be a number between 0 and 1, was " + fromQuery);
    }
  }
}
