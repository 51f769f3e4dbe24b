package dev.vera.server;

import dev.vera.server.tokens.TokenFileException;
import io.javalin.http.Context;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks an analyst's token of every request that {@link ServerConfig.Access#requiresToken} says
 * needs one, before its body is read: {@code Authorization: Bearer TOKEN}, never a token in the
 * URL. A missing or wrong token is answered 401 with {@code WWW-Authenticate: Bearer}; wrong tokens
 * are counted per client address ({@link FailedAttempts}) and, past the limit, that address is
 * answered 429 until its window ends. The analyst the token belongs to travels with the request
 * ({@link #analyst}): it is who makes the change, whatever the body says.
 */
final class TokenGate extends Handler.Wrapper {
  private static final Logger LOG = LoggerFactory.getLogger(TokenGate.class);
  private static final String ANALYST = TokenGate.class.getName() + ".analyst";
  private static final String CHALLENGE = "Bearer realm=\"vera\"";
  private static final String BEARER = "Bearer ";

  /** Far longer than a real token ({@code vera_} and 43 characters); longer ones are not hashed. */
  private static final int MAX_TOKEN_CHARS = 512;

  private final ServerConfig.Access access;
  private final AnalystTokens tokens;
  private final FailedAttempts attempts;
  private final Metrics metrics;

  TokenGate(ServerConfig.Access access, AnalystTokens tokens, Metrics metrics) {
    this.access = access;
    this.tokens = tokens;
    this.attempts = new FailedAttempts(access.maxFailedAttempts(), access.failureWindow());
    this.metrics = metrics;
  }

  /** The analyst whose token the request carried, if it needed one. */
  static Optional<String> analyst(Context ctx) {
    return Optional.ofNullable(ctx.attribute(ANALYST));
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!access.requiresToken(request.getMethod(), Request.getPathInContext(request))) {
      return super.handle(request, response, callback);
    }
    long start = System.nanoTime();
    String analyst;
    try {
      analyst = authenticate(request);
    } catch (ApiProblem p) {
      return refuse(request, response, callback, p, start);
    } catch (TokenFileException e) {
      return refuse(request, response, callback, ProblemMapper.problemFor(e), start);
    }
    request.setAttribute(ANALYST, analyst);
    return super.handle(request, response, callback);
  }

  private boolean refuse(
      Request request, Response response, Callback callback, ApiProblem p, long start) {
    JettyProblems.write(request, response, callback, p, false);
    metrics.record(JettyProblems.route(request), p.status(), System.nanoTime() - start);
    return true;
  }

  private String authenticate(Request request) throws TokenFileException {
    String client = Request.getRemoteAddr(request);
    int wait = attempts.waitSeconds(client);
    if (wait > 0) {
      metrics.authRefused(Metrics.AuthRefusal.RATE_LIMITED);
      throw ApiProblem.tooManyAttempts(
          "too-many-failed-attempts",
          "Too many wrong tokens",
          "this address sent "
              + attempts.max()
              + " wrong tokens within "
              + access.failureWindow().toSeconds()
              + " s; requests that need a token are refused from it for "
              + wait
              + " s more",
          wait);
    }
    String token = bearer(request.getHeaders().get(HttpHeader.AUTHORIZATION));
    if (token == null) {
      metrics.authRefused(Metrics.AuthRefusal.MISSING_TOKEN);
      throw ApiProblem.unauthorized(
          "token-required",
          "Token required",
          "this request needs an analyst's token: send Authorization: Bearer TOKEN (the server's"
              + " operator makes one with vera token add NAME)",
          CHALLENGE);
    }
    Optional<String> who =
        token.length() > MAX_TOKEN_CHARS ? Optional.empty() : tokens.analystOf(token);
    if (who.isEmpty()) {
      int failures = attempts.failed(client);
      metrics.authRefused(Metrics.AuthRefusal.INVALID_TOKEN);
      LOG.warn(
          "wrong token from {} for {} ({} of {} allowed in {} s)",
          client,
          JettyProblems.route(request),
          failures,
          attempts.max(),
          access.failureWindow().toSeconds());
      throw ApiProblem.unauthorized(
          "token-invalid",
          "Token not accepted",
          "this token is not one of this server's analysts' tokens (mistyped, or revoked)",
          CHALLENGE + ", error=\"invalid_token\"");
    }
    return who.get();
  }

  /** The token of {@code Bearer TOKEN} (the scheme in any case), or null for any other header. */
  private static @Nullable String bearer(@Nullable String header) {
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return null;
    }
    String token = header.substring(BEARER.length()).strip();
    return token.isEmpty() ? null : token;
  }
}
