package dev.vera.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.output.VerdictJson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the server refuses, in the shape of RFC 9457 problem details: a stable {@code type} per
 * kind of problem, a short {@code title}, the HTTP {@code status} and a {@code detail} that says
 * what to change. Extra members (such as the {@code limit} exceeded) go beside them.
 */
public final class ApiProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Prefix of every problem type; the suffix names the problem. */
  public static final String TYPE_PREFIX = "urn:vera:problem:";

  private final int status;
  private final String slug;
  private final String title;
  private final transient Map<String, Object> extra;
  private final int retryAfterSeconds;
  private final transient Map<String, String> headers;

  /**
   * The longest detail answered: details quote what the client sent (a URL, a field), and a 9 MB
   * host name must not come back whole.
   */
  static final int MAX_DETAIL_CHARS = 600;

  public ApiProblem(int status, String slug, String title, String detail) {
    this(status, slug, title, detail, Map.of());
  }

  public ApiProblem(
      int status, String slug, String title, String detail, Map<String, Object> extra) {
    this(status, slug, title, detail, extra, 0, Map.of());
  }

  private ApiProblem(
      int status,
      String slug,
      String title,
      String detail,
      Map<String, Object> extra,
      int retryAfterSeconds,
      Map<String, String> headers) {
    super(cut(detail), null, false, false);
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.extra = Map.copyOf(extra);
    this.retryAfterSeconds = retryAfterSeconds;
    this.headers = Map.copyOf(headers);
  }

  /** A 503 for a full queue or pool: the client should try again after {@code seconds}. */
  static ApiProblem busy(String slug, String title, String detail, int seconds) {
    return new ApiProblem(
        503, slug, title, detail, Map.of("retry_after", seconds), seconds, Map.of());
  }

  /**
   * A 401: the request needs an analyst's token it did not bring. {@code challenge} is the {@code
   * WWW-Authenticate} value (RFC 6750), which tells the client which scheme to use.
   */
  static ApiProblem unauthorized(String slug, String title, String detail, String challenge) {
    return new ApiProblem(
        401, slug, title, detail, Map.of(), 0, Map.of("WWW-Authenticate", challenge));
  }

  /** A 429: this client sent too many wrong tokens; it may try again after {@code seconds}. */
  static ApiProblem tooManyAttempts(String slug, String title, String detail, int seconds) {
    return new ApiProblem(
        429, slug, title, detail, Map.of("retry_after", seconds), seconds, Map.of());
  }

  /** Seconds to send in {@code Retry-After}, or 0 for none. */
  int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /**
   * The response headers this problem needs, {@code Retry-After} and {@code WWW-Authenticate} among
   * them.
   */
  Map<String, String> headers() {
    if (retryAfterSeconds <= 0) {
      return headers;
    }
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("Retry-After", Integer.toString(retryAfterSeconds));
    return all;
  }

  private static String cut(String detail) {
    return detail.length() <= MAX_DETAIL_CHARS
        ? detail
        : detail.substring(0, MAX_DETAIL_CHARS)
            + "… ("
            + (detail.length() - MAX_DETAIL_CHARS)
            + " more characters cut)";
  }

  public int status() {
    return status;
  }

  public String type() {
    return TYPE_PREFIX + slug;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return getMessage();
  }

  /** The problem as a JSON object. */
  public ObjectNode toJson() {
    ObjectNode n = VerdictJson.mapper().createObjectNode();
    n.put("type", type());
    n.put("title", title);
    n.put("status", status);
    n.put("detail", detail());
    extra.forEach((k, v) -> n.set(k, VerdictJson.mapper().valueToTree(v)));
    return n;
  }

  static ApiProblem badRequest(String slug, String title, String detail) {
    return new ApiProblem(400, slug, title, detail);
  }

  /** A size limit exceeded: 413, naming the limit and its value. */
  static ApiProblem tooLarge(
      String slug, String title, String detail, String limitName, long limit) {
    return new ApiProblem(
        413, slug, title, detail, Map.of("limit_name", limitName, "limit", limit));
  }
}
