package dev.vera.server;

import dev.vera.fetch.FetchOptions;
import dev.vera.io.ReaderOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How the server listens, whom it answers and what it accepts.
 *
 * @param host the interface to bind (127.0.0.1 by default: expose it on purpose)
 * @param port the port; 0 picks a free one
 * @param maxBodyBytes the largest request body, in bytes
 * @param maxArticleBytes the largest article (UTF-8 title plus text), as {@code vera check}
 * @param maxBatchSize the most articles in one {@code POST /check/batch}
 * @param fetch how {@code {url}} inputs are fetched, including whether private hosts are allowed
 * @param allowedOrigins origins besides the server's own whose browser requests are answered
 *     ({@code https://newsroom.example}, {@code chrome-extension://ID}), exactly as browsers send
 *     them in {@code Origin}
 * @param publicHosts host names (optionally {@code :port}) that the {@code Host} header may name
 *     besides the bound address, e.g. the name a reverse proxy forwards
 * @param limits the request, scoring and fetching limits
 * @param access who may call what: the analysts' tokens, if any
 */
public record ServerConfig(
    String host,
    int port,
    long maxBodyBytes,
    long maxArticleBytes,
    int maxBatchSize,
    FetchOptions fetch,
    List<String> allowedOrigins,
    List<String> publicHosts,
    Limits limits,
    Access access) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final long DEFAULT_MAX_BODY_BYTES = 10_000_000;
  public static final int DEFAULT_MAX_BATCH_SIZE = 1000;

  /**
   * What keeps one client from starving the others.
   *
   * @param minRequestDataRate a request body arriving slower than this (bytes/s, averaged from its
   *     first byte) is cut off with 408
   * @param requestReadTimeout the whole body must have arrived within this time (408 otherwise),
   *     however steadily it trickles
   * @param scoringThreads threads that score (the CPU-bound work): about one per core
   * @param scoringQueue scoring jobs that may wait for a thread; beyond, 503 with Retry-After
   * @param maxBatchExplain the most articles of one batch with {@code explain=true} (each is scored
   *     again once per sentence)
   * @param batchCpuBudget CPU time one batch may use; articles left when it is spent are answered
   *     with an error, to be sent again
   * @param maxConcurrentFetches URL fetches at once; beyond, 503 with Retry-After
   */
  public record Limits(
      long minRequestDataRate,
      Duration requestReadTimeout,
      int scoringThreads,
      int scoringQueue,
      int maxBatchExplain,
      Duration batchCpuBudget,
      int maxConcurrentFetches) {
    public static final long DEFAULT_MIN_REQUEST_DATA_RATE = 1024;
    public static final Duration DEFAULT_REQUEST_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_BATCH_EXPLAIN = 10;
    public static final Duration DEFAULT_BATCH_CPU_BUDGET = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_CONCURRENT_FETCHES = 4;

    public Limits {
      if (minRequestDataRate < 0
          || scoringThreads < 1
          || scoringQueue < 0
          || maxBatchExplain < 0
          || maxConcurrentFetches < 1
          || requestReadTimeout.isNegative()
          || requestReadTimeout.isZero()
          || batchCpuBudget.isNegative()
          || batchCpuBudget.isZero()) {
        throw new IllegalArgumentException("limits must be positive: " + this);
      }
    }

    /** The defaults: one scoring thread per core and four waiting per thread. */
    public static Limits defaults() {
      int cores = Runtime.getRuntime().availableProcessors();
      return new Limits(
          DEFAULT_MIN_REQUEST_DATA_RATE,
          DEFAULT_REQUEST_READ_TIMEOUT,
          cores,
          4 * cores,
          DEFAULT_MAX_BATCH_EXPLAIN,
          DEFAULT_BATCH_CPU_BUDGET,
          DEFAULT_MAX_CONCURRENT_FETCHES);
    }

    public Limits withRequestReadTimeout(Duration d) {
      return new Limits(
          minRequestDataRate,
          d,
          scoringThreads,
          scoringQueue,
          maxBatchExplain,
          batchCpuBudget,
          maxConcurrentFetches);
    }

    public Limits withMinRequestDataRate(long r) {
      return new Limits(
          r,
          requestReadTimeout,
          scoringThreads,
          scoringQueue,
          maxBatchExplain,
          batchCpuBudget,
          maxConcurrentFetches);
    }

    public Limits withScoring(int threads, int queue) {
      return new Limits(
          minRequestDataRate,
          requestReadTimeout,
          threads,
          queue,
          maxBatchExplain,
          batchCpuBudget,
          maxConcurrentFetches);
    }

    public Limits withMaxBatchExplain(int n) {
      return new Limits(
          minRequestDataRate,
          requestReadTimeout,
          scoringThreads,
          scoringQueue,
          n,
          batchCpuBudget,
          maxConcurrentFetches);
    }

    public Limits withBatchCpuBudget(Duration d) {
      return new Limits(
          minRequestDataRate,
          requestReadTimeout,
          scoringThreads,
          scoringQueue,
          maxBatchExplain,
          d,
          maxConcurrentFetches);
    }

    public Limits withMaxConcurrentFetches(int n) {
      return new Limits(
          minRequestDataRate,
          requestReadTimeout,
          scoringThreads,
          scoringQueue,
          maxBatchExplain,
          batchCpuBudget,
          n);
    }
  }

  /**
   * Who may call what. With a token file, every request that changes state (any method but GET,
   * HEAD and OPTIONS on any path but {@code /check} and {@code /check/batch}) needs {@code
   * Authorization: Bearer TOKEN} of an analyst in the file, and the analyst it names is who makes
   * the change; with {@code tokensForCheck}, checking needs one too. Reading (the page, the model
   * card, health, metrics, this API's description) never does.
   *
   * @param tokenFile the analysts' token file ({@code vera token add}), or null for none
   * @param tokensForCheck whether {@code POST /check} and {@code /check/batch} need a token too
   * @param insecureNoAuth the operator's explicit consent to listen beyond this machine with no
   *     token file: without it (or tokens), a server bound to any but a loopback address refuses to
   *     start
   * @param maxFailedAttempts wrong tokens one client address may send per {@code failureWindow};
   *     beyond, its requests that need a token are answered 429 until the window ends
   * @param failureWindow the window over which wrong tokens are counted, from the first
   */
  public record Access(
      @Nullable Path tokenFile,
      boolean tokensForCheck,
      boolean insecureNoAuth,
      int maxFailedAttempts,
      Duration failureWindow) {
    public static final int DEFAULT_MAX_FAILED_ATTEMPTS = 10;
    public static final Duration DEFAULT_FAILURE_WINDOW = Duration.ofMinutes(1);

    public Access {
      if (tokensForCheck && tokenFile == null) {
        throw new IllegalArgumentException(
            "--tokens-for-check needs --tokens FILE: a token for /check needs a token file");
      }
      if (insecureNoAuth && tokenFile != null) {
        throw new IllegalArgumentException(
            "--insecure-no-auth and --tokens contradict each other: with tokens, the server is not open");
      }
      if (maxFailedAttempts < 1 || failureWindow.isNegative() || failureWindow.isZero()) {
        throw new IllegalArgumentException("the failed-attempt limit and window must be positive");
      }
    }

    /** No tokens: every request is answered (on a loopback address, as before tokens existed). */
    public static Access open() {
      return new Access(null, false, false, DEFAULT_MAX_FAILED_ATTEMPTS, DEFAULT_FAILURE_WINDOW);
    }

    /** Writes need a token from {@code file}; with {@code forCheck}, checks too. */
    public static Access requiringTokens(Path file, boolean forCheck) {
      return new Access(file, forCheck, false, DEFAULT_MAX_FAILED_ATTEMPTS, DEFAULT_FAILURE_WINDOW);
    }

    /** No tokens, said on purpose: the server may listen beyond this machine, open to anyone. */
    public static Access insecure() {
      return new Access(null, false, true, DEFAULT_MAX_FAILED_ATTEMPTS, DEFAULT_FAILURE_WINDOW);
    }

    public Access withFailureLimit(int max, Duration window) {
      return new Access(tokenFile, tokensForCheck, insecureNoAuth, max, window);
    }

    /** Whether requests are checked for tokens at all. */
    public boolean usesTokens() {
      return tokenFile != null;
    }

    /**
     * Whether {@code method path} needs an analyst's token: denied by default, so that an endpoint
     * added later that changes state needs one without anyone remembering to say so.
     */
    public boolean requiresToken(String method, String path) {
      if (tokenFile == null) {
        return false;
      }
      if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
        return false;
      }
      String p = path;
      while (p.length() > 1 && p.endsWith("/")) {
        p = p.substring(0, p.length() - 1); // the router ignores trailing slashes: so does this
      }
      if (method.equals("POST")
          && (p.equals(VeraServer.API + "/check") || p.equals(VeraServer.API + "/check/batch"))) {
        return tokensForCheck;
      }
      return true;
    }
  }

  public ServerConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must lie in 0..65535, was " + port);
    }
    if (maxBodyBytes <= 0 || maxArticleBytes <= 0 || maxBatchSize <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
    allowedOrigins = allowedOrigins.stream().map(ServerConfig::origin).toList();
    publicHosts = publicHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
  }

  /** An origin as browsers write it: scheme://host[:port], lower case, no path or slash. */
  private static String origin(String o) {
    String s = o.strip().toLowerCase(Locale.ROOT);
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    if (!s.matches("[a-z][a-z0-9+.-]*://[^/?#\\s]+")) {
      throw new IllegalArgumentException(
          "an allowed origin is scheme://host[:port] with nothing after it, was \"" + o + "\"");
    }
    return s;
  }

  public static ServerConfig defaults() {
    return new ServerConfig(
        DEFAULT_HOST,
        DEFAULT_PORT,
        DEFAULT_MAX_BODY_BYTES,
        ReaderOptions.DEFAULT_MAX_ARTICLE_BYTES,
        DEFAULT_MAX_BATCH_SIZE,
        FetchOptions.defaults(),
        List.of(),
        List.of(),
        Limits.defaults(),
        Access.open());
  }

  /** Whether the server listens on this machine's loopback interface only. */
  public boolean loopbackOnly() {
    return Hosts.isLoopback(Hosts.bare(host));
  }

  /**
   * Refuses to serve beyond this machine with nobody's token required, unless the operator said
   * {@code --insecure-no-auth}: anyone on the network could store corrections, under any name, and
   * they become training data.
   *
   * @throws IllegalArgumentException saying what to add
   */
  public void requireAccessControl() {
    if (!loopbackOnly() && !access.usesTokens() && !access.insecureNoAuth()) {
      throw new IllegalArgumentException(
          "refusing to listen on "
              + host
              + " without analysts' tokens: anyone who reaches it could store corrections under any"
              + " name, and they become training data. Give --tokens FILE (vera token add NAME"
              + " --tokens FILE makes one), listen on 127.0.0.1, or say --insecure-no-auth to serve"
              + " it open on purpose");
    }
  }

  public ServerConfig withHost(String h) {
    return new ServerConfig(
        h,
        port,
        maxBodyBytes,
        maxArticleBytes,
        maxBatchSize,
        fetch,
        allowedOrigins,
        publicHosts,
        limits,
        access);
  }

  public ServerConfig withPort(int p) {
    return new ServerConfig(
        host,
        p,
        maxBodyBytes,
        maxArticleBytes,
        maxBatchSize,
        fetch,
        allowedOrigins,
        publicHosts,
        limits,
        access);
  }

  public ServerConfig withMaxBodyBytes(long max) {
    return new ServerConfig(
        host,
        port,
        max,
        maxArticleBytes,
        maxBatchSize,
        fetch,
        allowedOrigins,
        publicHosts,
        limits,
        access);
  }

  public ServerConfig withMaxArticleBytes(long max) {
    return new ServerConfig(
        host,
        port,
        maxBodyBytes,
        max,
        maxBatchSize,
        fetch,
        allowedOrigins,
        publicHosts,
        limits,
        access);
  }

  public ServerConfig withMaxBatchSize(int max) {
    return new ServerConfig(
        host,
        port,
        maxBodyBytes,
        maxArticleBytes,
        max,
        fetch,
        allowedOrigins,
        publicHosts,
        limits,
        access);
  }

  public ServerConfig withFetch(FetchOptions f) {
    return new ServerConfig(
        host,
        port,
        maxBodyBytes,
        maxArticleBytes,
        maxBatchSize,
        f,
        allowedOrigins,
        publicHosts,
        limits,
        access);
  }

  public ServerConfig withAllowPrivateHosts(boolean allow) {
    return withFetch(fetch.withAllowPrivateHosts(allow));
  }

  public ServerConfig withAllowedOrigins(List<String> origins) {
    return new ServerConfig(
        host,
        port,
        maxBodyBytes,
        maxArticleBytes,
        maxBatchSize,
        fetch,
        origins,
        publicHosts,
        limits,
        access);
  }

  public ServerConfig withPublicHosts(List<String> hosts) {
    return new ServerConfig(
        host,
        port,
        maxBodyBytes,
        maxArticleBytes,
        maxBatchSize,
        fetch,
        allowedOrigins,
        hosts,
        limits,
        access);
  }

  public ServerConfig withLimits(Limits l) {
    return new ServerConfig(
        host,
        port,
        maxBodyBytes,
        maxArticleBytes,
        maxBatchSize,
        fetch,
        allowedOrigins,
        publicHosts,
        l,
        access);
  }

  public ServerConfig withAccess(Access a) {
    return new ServerConfig(
        host,
        port,
        maxBodyBytes,
        maxArticleBytes,
        maxBatchSize,
        fetch,
        allowedOrigins,
        publicHosts,
        limits,
        a);
  }
}
