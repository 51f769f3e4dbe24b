package dev.vera.server;

import dev.vera.claims.ClaimChecker;
import dev.vera.feedback.FeedbackException;
import dev.vera.fetch.ArticleFetcher;
import dev.vera.model.CredibilityModel;
import dev.vera.server.tokens.TokenFileException;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.jspecify.annotations.Nullable;

/**
 * The Vera HTTP server: the API under {@code /api/v1} and the web page at {@code /}, wired in one
 * place. Handlers are objects holding the model; every failure goes through {@link ProblemMapper};
 * every request is counted in {@link Metrics}.
 */
public final class VeraServer {
  /** The API's path prefix. */
  public static final String API = "/api/v1";

  private VeraServer() {}

  /** The application, configured and not yet started, storing no corrections. */
  public static Javalin create(CredibilityModel model, ServerConfig config) {
    return createWithoutFeedback(model, config, null);
  }

  /**
   * The application with check-worthy claims: {@code POST /api/v1/check} answers also {@code
   * claims}.
   */
  public static Javalin create(CredibilityModel model, ServerConfig config, ClaimChecker claims) {
    return createWithoutFeedback(model, config, claims);
  }

  private static Javalin createWithoutFeedback(
      CredibilityModel model, ServerConfig config, @Nullable ClaimChecker claims) {
    try {
      return create(model, config, claims, null);
    } catch (FeedbackException e) {
      throw new IllegalStateException("no feedback store was asked for", e);
    } catch (TokenFileException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The application storing analysts' corrections: {@code POST /api/v1/feedback} writes them to
   * {@code feedback}'s database.
   */
  public static Javalin create(
      CredibilityModel model, ServerConfig config, FeedbackSettings feedback)
      throws FeedbackException, TokenFileException {
    return create(model, config, null, feedback);
  }

  /**
   * The application, configured and not yet started: call {@code start()} on it. With {@code
   * claims}, {@code POST /api/v1/check} answers also {@code claims}; with {@code feedback}, {@code
   * POST /api/v1/feedback} stores analysts' corrections (without, it answers 503). With a token
   * file in {@code config.access()}, requests that change state need an analyst's token ({@link
   * TokenGate}).
   *
   * @throws FeedbackException when the feedback database cannot be opened, or is not Vera's
   * @throws TokenFileException when the token file cannot be read or has a wrong line
   * @throws IllegalArgumentException when the server would listen beyond this machine with no
   *     tokens and without {@code insecureNoAuth} ({@link ServerConfig#requireAccessControl})
   */
  public static Javalin create(
      CredibilityModel model,
      ServerConfig config,
      @Nullable ClaimChecker claims,
      @Nullable FeedbackSettings feedback)
      throws FeedbackException, TokenFileException {
    config.requireAccessControl();
    ServerConfig.Access access = config.access();
    @Nullable Path tokenFile = access.tokenFile();
    @Nullable AnalystTokens tokens = tokenFile == null ? null : new AnalystTokens(tokenFile);
    Metrics metrics = new Metrics();
    Judge judge = new Judge(model);
    ServerConfig.Limits limits = config.limits();
    ScoringPool pool = new ScoringPool(limits.scoringThreads(), limits.scoringQueue());
    CheckHandler check =
        new CheckHandler(judge, new ArticleFetcher(config.fetch()), config, claims, pool);
    BatchHandler batch = new BatchHandler(judge, config, pool);
    OpenApiDocument api = new OpenApiDocument(access);
    InfoHandlers info = new InfoHandlers(model, metrics, access, api.tokenRequiredFor());
    StaticResources files = new StaticResources(api.bytes());
    FeedbackHandler corrections = new FeedbackHandler(model, config, feedback, pool);
    return Javalin.create(
        c -> {
          c.startup.showJavalinBanner = false;
          c.startup.showOldJavalinVersionWarning = false;
          c.jetty.host = config.host();
          c.jetty.port = config.port();
          c.http.maxRequestSize = config.maxBodyBytes();
          // Below Javalin: host and origin checks first, then the token of a request that needs
          // one, then bodies read whole without a thread (see RequestGate, TokenGate and
          // BodyBuffer): no body is read for a request that is refused. Jetty's own errors as
          // problems.
          c.jetty.modifyServer(
              server -> {
                // Each insert goes in front of the last: the request gate ends up first.
                server.insertHandler(
                    new EagerContentHandler(
                        new BodyBuffer(
                            config.maxBodyBytes(),
                            limits.requestReadTimeout(),
                            limits.minRequestDataRate(),
                            metrics)));
                if (tokens != null) {
                  server.insertHandler(new TokenGate(access, tokens, metrics));
                }
                server.insertHandler(new RequestGate(config, metrics));
                server.setErrorHandler(new ProblemErrorHandler());
              });
          c.events.serverStopped(pool::close);
          c.http.prefer405over404 = true;
          c.router.ignoreTrailingSlashes = true;

          c.routes.post(API + "/check", timed(metrics, "POST /api/v1/check", check::handle));
          c.routes.post(
              API + "/check/batch", timed(metrics, "POST /api/v1/check/batch", batch::handle));
          c.routes.post(
              API + "/feedback", timed(metrics, "POST /api/v1/feedback", corrections::handle));
          c.events.serverStopped(corrections::close);
          c.routes.get(API + "/model", timed(metrics, "GET /api/v1/model", info::model));
          c.routes.get(API + "/health", timed(metrics, "GET /api/v1/health", info::health));
          c.routes.get(API + "/metrics", timed(metrics, "GET /api/v1/metrics", info::metrics));
          c.routes.get(
              API + "/openapi.json", timed(metrics, "GET /api/v1/openapi.json", files::openApi));
          c.routes.get("/", timed(metrics, "GET /", files::index));
          c.routes.get("/static/vera.js", files::script);
          c.routes.get("/static/vera.css", files::style);

          c.routes.exception(Exception.class, (e, ctx) -> ProblemMapper.respond(ctx, e));
          c.routes.error(
              404,
              ctx ->
                  ProblemMapper.write(
                      ctx,
                      new ApiProblem(
                          404,
                          "not-found",
                          "Not found",
                          "no such endpoint: "
                              + ctx.method()
                              + " "
                              + ctx.path()
                              + "; see "
                              + API
                              + "/openapi.json")));
          c.routes.error(
              405,
              ctx ->
                  ProblemMapper.write(
                      ctx,
                      new ApiProblem(
                          405,
                          "method-not-allowed",
                          "Method not allowed",
                          ctx.method() + " is not allowed on " + ctx.path())));
        });
  }

  /** Runs {@code h}, answering its failures as problems, and records the outcome. */
  private static Handler timed(Metrics metrics, String route, Handler h) {
    return ctx -> {
      long start = System.nanoTime();
      try {
        h.handle(ctx);
      } catch (Exception e) {
        ProblemMapper.respond(ctx, e);
      } finally {
        metrics.record(route, ctx.statusCode(), System.nanoTime() - start);
      }
    };
  }
}
