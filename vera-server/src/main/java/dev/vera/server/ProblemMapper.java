package dev.vera.server;

import dev.vera.feedback.FeedbackException;
import dev.vera.fetch.FetchException;
import dev.vera.server.tokens.TokenFileException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become responses: every error leaves as {@code
 * application/problem+json}, and an unexpected exception is logged here and answered with a plain
 * 500 that carries no stack trace or internal message.
 */
final class ProblemMapper {
  static final String PROBLEM_JSON = "application/problem+json";
  private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

  private ProblemMapper() {}

  /** The problem an exception stands for. */
  static ApiProblem problemFor(Exception e) {
    if (e instanceof ApiProblem p) {
      return p;
    }
    if (e instanceof FetchException f) {
      return fetchProblem(f);
    }
    if (e instanceof FeedbackException f) {
      // The store broke after start-up (disk full, file removed or locked): say so, not 500.
      LOG.warn("feedback store: {}", f.getMessage());
      return ApiProblem.busy(
          "feedback-unavailable", "Feedback store unavailable", f.getMessage(), 30);
    }
    if (e instanceof TokenFileException t) {
      // Changed on disk while serving and now unreadable: refuse every token until it is fixed
      // (failing open would let anyone write). The operator reads why in the log; the client
      // learns no path.
      LOG.error(
          "token file: {}; requests that need a token are refused until it is fixed",
          t.getMessage());
      return ApiProblem.busy(
          "tokens-unavailable",
          "Tokens unavailable",
          "the server cannot read its analysts' token file, so it cannot check tokens; the operator's"
              + " log says why",
          30);
    }
    if (e instanceof HttpResponseException h) {
      HttpStatus s = HttpStatus.forStatus(h.getStatus());
      String title = s == HttpStatus.UNKNOWN ? "Error" : s.getMessage();
      return new ApiProblem(h.getStatus(), "http-" + h.getStatus(), title, title);
    }
    LOG.error("unexpected failure", e);
    return new ApiProblem(
        500,
        "internal-error",
        "Internal server error",
        "The server failed to answer this request; the failure has been logged.");
  }

  static ApiProblem fetchProblem(FetchException f) {
    // The public message: no resolved addresses, no DNS answers, no credentials.
    String detail = f.publicMessage();
    return switch (f.kind()) {
      case BAD_URL -> new ApiProblem(400, "bad-url", "Bad URL", detail);
      case REFUSED -> new ApiProblem(403, "url-refused", "URL refused", detail);
      case UNREACHABLE, HTTP_STATUS ->
          new ApiProblem(502, "fetch-failed", "The page could not be fetched", detail);
      case TIMEOUT -> new ApiProblem(504, "fetch-timeout", "The page took too long", detail);
      case REDIRECTS -> new ApiProblem(502, "too-many-redirects", "Too many redirects", detail);
      case TOO_LARGE ->
          new ApiProblem(
              413,
              "page-too-large",
              "The page is too large",
              detail,
              Map.of("limit_name", "max_page_bytes"));
      case NOT_HTML -> new ApiProblem(422, "not-html", "The URL is not an HTML page", detail);
      case NO_ARTICLE -> new ApiProblem(422, "no-article", "No article found on the page", detail);
    };
  }

  /** Writes {@code e} as problem+json. */
  static void respond(Context ctx, Exception e) {
    write(ctx, problemFor(e));
  }

  static void write(Context ctx, ApiProblem p) {
    ctx.status(p.status());
    p.headers().forEach(ctx::header);
    ctx.contentType(PROBLEM_JSON);
    ctx.result(p.toJson().toString());
  }
}
