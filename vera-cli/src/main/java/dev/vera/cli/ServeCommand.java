package dev.vera.cli;

import dev.vera.model.CredibilityModel;
import dev.vera.server.FeedbackSettings;
import dev.vera.server.ServerConfig;
import dev.vera.server.VeraServer;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vera serve}: the REST API and the web page, until interrupted. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the web page (/) and the REST API (/api/v1, described at /api/v1/openapi.json)"
          + " until Ctrl+C.",
      "Listens on 127.0.0.1 unless --host says otherwise. On any other address it needs"
          + " --tokens FILE (analysts' tokens, made with vera token add), or --insecure-no-auth."
    })
public class ServeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ModelOption model;
  @Mixin ClaimsOptions claims;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "Port (default: 8080; 0 picks a free one).")
  int port = ServerConfig.DEFAULT_PORT;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      description = "Interface to listen on (default: 127.0.0.1; 0.0.0.0 for every interface).")
  String host = ServerConfig.DEFAULT_HOST;

  @Option(
      names = "--allow-private-hosts",
      description =
          "Let {url} articles reach loopback, private, link-local and metadata addresses (refused"
              + " by default).")
  boolean allowPrivateHosts;

  @Option(
      names = "--allow-origin",
      paramLabel = "ORIGIN",
      description =
          "Also answer browser requests from this origin (scheme://host[:port], e.g. a browser"
              + " extension's chrome-extension://ID); repeatable. Others are refused (403).")
  List<String> allowOrigins = new ArrayList<>();

  @Option(
      names = "--public-host",
      paramLabel = "NAME[:PORT]",
      description =
          "A host name the Host header may name besides the bound address (the name a reverse"
              + " proxy forwards); repeatable. Others are refused (421).")
  List<String> publicHosts = new ArrayList<>();

  @Option(
      names = "--request-timeout",
      paramLabel = "SECONDS",
      description = "A request body must arrive within this time (default: 30; 408 after).")
  int requestTimeout = (int) ServerConfig.Limits.DEFAULT_REQUEST_READ_TIMEOUT.toSeconds();

  @Option(
      names = "--scoring-threads",
      paramLabel = "N",
      description =
          "Threads that score (default: one per core); requests beyond these and the queue get 503.")
  int scoringThreads = ServerConfig.Limits.defaults().scoringThreads();

  @Option(
      names = "--scoring-queue",
      paramLabel = "N",
      description = "Scoring requests that may wait for a thread (default: 4 per thread).")
  int scoringQueue = ServerConfig.Limits.defaults().scoringQueue();

  @Option(
      names = "--batch-cpu-ms",
      paramLabel = "MS",
      description = "CPU time one batch may use; articles left then get an error (default: 10000).")
  long batchCpuMs = ServerConfig.Limits.DEFAULT_BATCH_CPU_BUDGET.toMillis();

  @Option(
      names = "--max-batch-size",
      paramLabel = "N",
      description = "Most articles in one POST /api/v1/check/batch (default: 1000).")
  int maxBatchSize = ServerConfig.DEFAULT_MAX_BATCH_SIZE;

  @Option(
      names = "--feedback-db",
      paramLabel = "FILE",
      description =
          "Where POST /api/v1/feedback and the page's correction button store corrections"
              + " (default: $VERA_FEEDBACK_DB, else ~/.vera/feedback.db; created on the first one).")
  @Nullable Path feedbackDb;

  @Option(
      names = "--analyst",
      paramLabel = "NAME",
      description =
          "The analyst name of corrections whose request names none (default: $VERA_ANALYST).")
  @Nullable String analyst;

  @Option(
      names = "--tokens",
      paramLabel = "FILE",
      description =
          "Analysts' token file (vera token add NAME --tokens FILE): every request that changes"
              + " state (POST /api/v1/feedback) then needs Authorization: Bearer TOKEN, and a"
              + " correction carries the token's name. Re-read when it changes.")
  @Nullable Path tokens;

  @Option(
      names = "--tokens-for-check",
      description = "With --tokens: checking (POST /api/v1/check, /check/batch) needs a token too.")
  boolean tokensForCheck;

  @Option(
      names = "--insecure-no-auth",
      description =
          "Listen on a non-loopback --host without --tokens: anyone who reaches the port can store"
              + " corrections under any name. Said in the start-up line and in /api/v1/health.")
  boolean insecureNoAuth;

  /** Released to stop a running server (tests); Ctrl+C stops it otherwise. */
  final CountDownLatch stop = new CountDownLatch(1);

  /**
   * The running application, once started and announced: set after the start-up text is written, so
   * that whoever sees it (tests read its port) also sees that text.
   */
  volatile Javalin app;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    long start = System.nanoTime();
    if (port < 0 || port > 65535) {
      throw new VeraCommand.UsageException("--port must lie in 0..65535, was " + port);
    }
    if (maxBatchSize < 1) {
      throw new VeraCommand.UsageException("--max-batch-size must be at least 1");
    }
    if (requestTimeout < 1 || scoringThreads < 1 || scoringQueue < 0 || batchCpuMs < 1) {
      throw new VeraCommand.UsageException(
          "--request-timeout, --scoring-threads and --batch-cpu-ms must be at least 1, --scoring-queue at least 0");
    }
    // The model (about 0.5 s to read) loads while the web stack's classes load (as long again):
    // the two overlap on a second core, which keeps the start well under the 3 s promised.
    CompletableFuture<CredibilityModel> loading =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return model.load();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    Javalin.create(c -> c.startup.showJavalinBanner = false);
    CredibilityModel m;
    try {
      m = loading.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      throw e;
    }
    if (tokens != null && analyst != null) {
      throw new VeraCommand.UsageException(
          "--analyst has no use with --tokens: each correction carries the name of the token it came with");
    }
    ServerConfig config;
    try {
      // The record refuses --tokens-for-check without --tokens, and --insecure-no-auth with it.
      ServerConfig.Access access =
          new ServerConfig.Access(
              tokens,
              tokensForCheck,
              insecureNoAuth,
              ServerConfig.Access.DEFAULT_MAX_FAILED_ATTEMPTS,
              ServerConfig.Access.DEFAULT_FAILURE_WINDOW);
      config =
          ServerConfig.defaults()
              .withHost(host)
              .withPort(port)
              .withMaxBatchSize(maxBatchSize)
              .withAllowPrivateHosts(allowPrivateHosts)
              .withAllowedOrigins(allowOrigins)
              .withPublicHosts(publicHosts)
              .withLimits(
                  ServerConfig.Limits.defaults()
                      .withRequestReadTimeout(Duration.ofSeconds(requestTimeout))
                      .withScoring(scoringThreads, scoringQueue)
                      .withBatchCpuBudget(Duration.ofMillis(batchCpuMs)))
              .withAccess(access);
      config.requireAccessControl();
    } catch (IllegalArgumentException e) {
      throw new VeraCommand.UsageException(e.getMessage());
    }
    var claimChecker = claims.open();
    // With tokens every correction names its token's owner: no default name.
    String who = tokens != null ? null : analyst != null ? analyst : System.getenv("VERA_ANALYST");
    FeedbackSettings feedback =
        new FeedbackSettings(
            FeedbackDbOption.resolve(feedbackDb),
            who == null || who.isBlank() ? null : who.strip());
    Javalin started = VeraServer.create(m, config, claimChecker, feedback).start();
    Thread hook = new Thread(started::stop, "vera-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    String shownHost = host.contains(":") ? "[" + host + "]" : host;
    String url = "http://" + shownHost + ":" + started.port() + "/";
    out.printf(
        "vera serve: %s with model %s (started in %d ms)%s%n  web page: %s%n  API:      %sapi/v1"
            + " (OpenAPI: %sapi/v1/openapi.json)%n  Ctrl+C stops.%n",
        url,
        m.card().modelId(),
        (System.nanoTime() - start) / 1_000_000,
        insecureNoAuth ? ", INSECURE: no authentication" : "",
        url,
        url,
        url);
    if (claimChecker != null) {
      out.println(
          "  claims:   check-worthy sentences"
              + (claimChecker.hasIndex()
                  ? " matched against " + claims.index
                  : " (no fact-check index)"));
    }
    out.println(
        "  feedback: "
            + feedback.db()
            + (tokens != null
                ? " (analyst: the token's owner)"
                : feedback.defaultAnalyst() == null
                    ? ""
                    : " (analyst: " + feedback.defaultAnalyst() + ")"));
    if (tokens != null) {
      out.println(
          "  tokens:   "
              + tokens
              + " (a token is needed to "
              + (tokensForCheck ? "check or correct" : "correct")
              + "; vera token add NAME --tokens "
              + tokens
              + " makes one)");
    } else if (insecureNoAuth) {
      out.println(
          "  warning: --insecure-no-auth: anyone who reaches "
              + url
              + " can store corrections under any name, and they become training data.");
    }
    if (allowPrivateHosts) {
      out.println("  warning: --allow-private-hosts: URLs may reach this machine's own network.");
    }
    out.flush();
    app = started;
    stop.await();
    Runtime.getRuntime().removeShutdownHook(hook);
    started.stop();
    claims.close();
    return VeraCommand.EXIT_OK;
  }
}
