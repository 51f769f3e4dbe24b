package dev.vera.fetch;

import dev.vera.article.Article;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * Downloads an article page. Redirects are followed here rather than by the HTTP client so that the
 * {@link HostPolicy} judges every hop, not just the first; the whole fetch shares one deadline, the
 * body is read no further than the size cap, and only HTML is accepted. The client looks names up
 * only through the policy ({@link HostPolicy#resolve}), so it connects to exactly the addresses
 * that were checked. Credentials in a URL ({@code user:pass@}) are dropped before anything else
 * sees it: they are never sent, shown or stored.
 */
public final class ArticleFetcher {
  private static final String USER_AGENT = "Vera/1 (news credibility checker)";
  private static final ExecutorService READERS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "vera-fetch-body");
            t.setDaemon(true);
            return t;
          });

  private final FetchOptions options;
  private final HostPolicy policy;
  private final CloseableHttpClient client;
  private final HtmlArticleExtractor extractor = new HtmlArticleExtractor();

  /** A fetcher guarded by {@link SsrfGuard} as {@code options} say. */
  public ArticleFetcher(FetchOptions options) {
    this(options, new SsrfGuard(options.allowPrivateHosts()));
  }

  /** A fetcher with its own host policy (tests use this to allow one hop and not the next). */
  public ArticleFetcher(FetchOptions options, HostPolicy policy) {
    this.options = options;
    this.policy = policy;
    Timeout timeout = Timeout.of(options.timeout());
    this.client =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(new PolicyResolver(policy))
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(timeout)
                            .setSocketTimeout(timeout)
                            .build())
                    .build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .setUserAgent(USER_AGENT)
            .build();
  }

  /**
   * The client's only name lookup: the policy's. A refusal travels through the client as an {@link
   * UnknownHostException} (all a resolver may throw) and comes out as itself.
   */
  private record PolicyResolver(HostPolicy policy) implements DnsResolver {
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
      try {
        return policy.resolve(host);
      } catch (FetchException e) {
        throw new Refused(e);
      }
    }

    @Override
    public String resolveCanonicalHostname(String host) {
      return host;
    }
  }

  /** A {@link FetchException} from the resolver, carried through the HTTP client. */
  private static final class Refused extends UnknownHostException {
    private static final long serialVersionUID = 1L;
    private final transient FetchException failure;

    Refused(FetchException failure) {
      super(failure.getMessage());
      this.failure = failure;
    }
  }

  /** Fetches {@code url} and extracts its article. */
  public Article fetchArticle(String url) throws FetchException {
    FetchedPage page = fetch(url);
    return extractor.extract(page);
  }

  /** Fetches {@code url}, following at most the allowed number of redirects. */
  public FetchedPage fetch(String url) throws FetchException {
    URI uri = parse(url);
    long deadline = System.nanoTime() + options.timeout().toNanos();
    List<URI> redirects = new ArrayList<>();
    while (true) {
      policy.check(uri);
      Duration left = Duration.ofNanos(deadline - System.nanoTime());
      if (left.isNegative() || left.isZero()) {
        throw timeout(uri);
      }
      ClassicHttpResponse response = send(uri, left);
      int status = response.getCode();
      if (isRedirect(status)) {
        closeQuietly(response);
        Header location = response.getFirstHeader("Location");
        if (location == null || location.getValue().isBlank()) {
          throw new FetchException(
              FetchException.Kind.REDIRECTS,
              Urls.shown(uri) + " redirects (" + status + ") without a Location");
        }
        if (redirects.size() >= options.maxRedirects()) {
          throw new FetchException(
              FetchException.Kind.REDIRECTS,
              "more than "
                  + options.maxRedirects()
                  + " redirects starting from "
                  + Urls.shown(url));
        }
        redirects.add(uri);
        uri = resolve(uri, location.getValue().strip());
        continue;
      }
      try (response) {
        if (status < 200 || status > 299) {
          throw new FetchException(
              FetchException.Kind.HTTP_STATUS, Urls.shown(uri) + " answered HTTP " + status);
        }
        Header typeHeader = response.getFirstHeader("Content-Type");
        String contentType = typeHeader == null ? "" : typeHeader.getValue();
        String mediaType = mediaType(contentType);
        if (!mediaType.equals("text/html") && !mediaType.equals("application/xhtml+xml")) {
          throw new FetchException(
              FetchException.Kind.NOT_HTML,
              Urls.shown(uri)
                  + " is not an HTML page (Content-Type: "
                  + (contentType.isBlank() ? "none" : Urls.cut(contentType))
                  + ")");
        }
        HttpEntity entity = response.getEntity();
        if (entity != null && entity.getContentLength() > options.maxBytes()) {
          throw tooLarge(uri);
        }
        byte[] bytes = entity == null ? new byte[0] : readBody(entity.getContent(), uri, deadline);
        if (bytes.length > options.maxBytes()) {
          throw tooLarge(uri);
        }
        return new FetchedPage(uri, mediaType, charset(contentType), bytes, List.copyOf(redirects));
      } catch (IOException e) {
        throw new FetchException(
            FetchException.Kind.UNREACHABLE,
            "reading " + Urls.shown(uri) + " failed: " + e.getMessage(),
            "reading " + Urls.shown(uri) + " failed",
            e);
      }
    }
  }

  /**
   * Reads at most the cap plus one byte before the deadline. The client's request timeout covers
   * only the wait for the headers, so a server that trickles its body is cut off here.
   */
  private byte[] readBody(InputStream body, URI uri, long deadline) throws FetchException {
    int cap = (int) Math.min(Integer.MAX_VALUE - 8L, options.maxBytes() + 1);
    CompletableFuture<byte[]> read =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return body.readNBytes(cap);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            READERS);
    try {
      return read.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      read.cancel(true);
      closeQuietly(body);
      throw timeout(uri);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(body);
      throw new FetchException(
          FetchException.Kind.TIMEOUT, "interrupted while fetching " + Urls.shown(uri), e);
    } catch (ExecutionException e) {
      Throwable cause =
          e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
      throw new FetchException(
          FetchException.Kind.UNREACHABLE,
          "reading " + Urls.shown(uri) + " failed: " + cause,
          "reading " + Urls.shown(uri) + " failed",
          cause);
    }
  }

  private ClassicHttpResponse send(URI uri, Duration timeout) throws FetchException {
    HttpGet request = new HttpGet(uri);
    request.setHeader("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1");
    request.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(timeout)).build());
    try {
      return client.executeOpen(null, request, HttpClientContext.create());
    } catch (Refused e) {
      throw e.failure;
    } catch (UnknownHostException e) {
      throw new FetchException(
          FetchException.Kind.UNREACHABLE,
          "the host " + Urls.cut(String.valueOf(uri.getHost())) + " does not resolve",
          e);
    } catch (SocketTimeoutException e) { // ConnectTimeoutException too
      throw timeout(uri);
    } catch (IOException e) {
      // The client's own words may name the address it connected to: local message only.
      throw new FetchException(
          FetchException.Kind.UNREACHABLE,
          "cannot fetch " + Urls.shown(uri) + ": " + e.getMessage(),
          "cannot connect to " + Urls.shown(uri),
          e);
    } catch (IllegalArgumentException e) {
      throw new FetchException(
          FetchException.Kind.BAD_URL,
          "cannot fetch " + Urls.shown(uri) + ": " + e.getMessage(),
          e);
    }
  }

  private FetchException timeout(URI uri) {
    return new FetchException(
        FetchException.Kind.TIMEOUT,
        "no complete answer from "
            + Urls.shown(uri)
            + " within "
            + options.timeout().toMillis()
            + " ms");
  }

  private FetchException tooLarge(URI uri) {
    return new FetchException(
        FetchException.Kind.TOO_LARGE,
        Urls.shown(uri) + " is larger than the " + options.maxBytes() + "-byte page limit");
  }

  static URI parse(String url) throws FetchException {
    try {
      URI uri = new URI(url.strip());
      if (!uri.isAbsolute()) {
        throw new FetchException(
            FetchException.Kind.BAD_URL, "not an absolute URL: " + Urls.shown(url));
      }
      return Urls.withoutCredentials(uri);
    } catch (URISyntaxException e) {
      throw new FetchException(FetchException.Kind.BAD_URL, "malformed URL: " + Urls.shown(url), e);
    }
  }

  private static URI resolve(URI base, String location) throws FetchException {
    try {
      return Urls.withoutCredentials(base.resolve(new URI(location)));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new FetchException(
          FetchException.Kind.REDIRECTS,
          Urls.shown(base) + " redirects to a malformed URL: " + Urls.shown(location),
          e);
    }
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  static String mediaType(String contentType) {
    int semi = contentType.indexOf(';');
    String t = semi >= 0 ? contentType.substring(0, semi) : contentType;
    return t.strip().toLowerCase(Locale.ROOT);
  }

  static @Nullable String charset(String contentType) {
    for (String param : contentType.split(";")) {
      String p = param.strip();
      if (p.regionMatches(true, 0, "charset=", 0, 8)) {
        String c = p.substring(8).strip().replace("\"", "");
        return c.isEmpty() ? null : c;
      }
    }
    return null;
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException e) {
      // Nothing to do: the redirect's body is not needed.
    }
  }
}
