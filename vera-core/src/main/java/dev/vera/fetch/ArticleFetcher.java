package dev.vera.fetch;

import dev.vera.article.Article;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Downloads an article page. Redirects are followed here rather than by the HTTP client so that
 * the {@link HostPolicy} judges every hop, not just the first; the whole fetch shares one
 * deadline, the body is read no further than the size cap, and only HTML is accepted.
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
  private final HttpClient client;
  private final HtmlArticleExtractor extractor = new HtmlArticleExtractor();

  /** A fetcher guarded by {@link SsrfGuard} as {@code options} say. */
  public ArticleFetcher(FetchOptions options) {
    this(options, new SsrfGuard(options.allowPrivateHosts()));
  }

  /** A fetcher with its own host policy (tests use this to allow one hop and not the next). */
  public ArticleFetcher(FetchOptions options, HostPolicy policy) {
    this.options = options;
    this.policy = policy;
    this.client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(options.timeout())
            .build();
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
      HttpResponse<InputStream> response = send(uri, left);
      int status = response.statusCode();
      if (isRedirect(status)) {
        closeQuietly(response.body());
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isEmpty() || location.get().isBlank()) {
          throw new FetchException(
              FetchException.Kind.REDIRECTS, uri + " redirects (" + status + ") without a Location");
        }
        if (redirects.size() >= options.maxRedirects()) {
          throw new FetchException(
              FetchException.Kind.REDIRECTS,
              "more than " + options.maxRedirects() + " redirects starting from " + url);
        }
        redirects.add(uri);
        uri = resolve(uri, location.get().strip());
        continue;
      }
      try (InputStream body = response.body()) {
        if (status < 200 || status > 299) {
          throw new FetchException(
              FetchException.Kind.HTTP_STATUS, uri + " answered HTTP " + status);
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String mediaType = mediaType(contentType);
        if (!mediaType.equals("text/html") && !mediaType.equals("application/xhtml+xml")) {
          throw new FetchException(
              FetchException.Kind.NOT_HTML,
              uri
                  + " is not an HTML page (Content-Type: "
                  + (contentType.isBlank() ? "none" : contentType)
                  + ")");
        }
        OptionalLong declared = response.headers().firstValueAsLong("Content-Length");
        if (declared.isPresent() && declared.getAsLong() > options.maxBytes()) {
          throw tooLarge(uri);
        }
        byte[] bytes = readBody(body, uri, deadline);
        if (bytes.length > options.maxBytes()) {
          throw tooLarge(uri);
        }
        return new FetchedPage(uri, mediaType, charset(contentType), bytes, List.copyOf(redirects));
      } catch (HttpTimeoutException e) {
        throw timeout(uri);
      } catch (IOException e) {
        throw new FetchException(
            FetchException.Kind.UNREACHABLE, "reading " + uri + " failed: " + e.getMessage(), e);
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
      throw new FetchException(FetchException.Kind.TIMEOUT, "interrupted while fetching " + uri, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
      throw new FetchException(
          FetchException.Kind.UNREACHABLE, "reading " + uri + " failed: " + cause, cause);
    }
  }

  private HttpResponse<InputStream> send(URI uri, Duration timeout) throws FetchException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("User-Agent", USER_AGENT)
            .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
            .GET()
            .build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw timeout(uri);
    } catch (ConnectException e) {
      throw new FetchException(FetchException.Kind.UNREACHABLE, "cannot connect to " + uri, e);
    } catch (IOException e) {
      throw new FetchException(
          FetchException.Kind.UNREACHABLE, "fetching " + uri + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(FetchException.Kind.TIMEOUT, "interrupted while fetching " + uri, e);
    } catch (IllegalArgumentException e) {
      throw new FetchException(FetchException.Kind.BAD_URL, "cannot fetch " + uri + ": " + e.getMessage(), e);
    }
  }

  private FetchException timeout(URI uri) {
    return new FetchException(
        FetchException.Kind.TIMEOUT,
        "no complete answer from " + uri + " within " + options.timeout().toMillis() + " ms");
  }

  private FetchException tooLarge(URI uri) {
    return new FetchException(
        FetchException.Kind.TOO_LARGE,
        uri + " is larger than the " + options.maxBytes() + "-byte page limit");
  }

  static URI parse(String url) throws FetchException {
    try {
      URI uri = new URI(url.strip());
      if (!uri.isAbsolute()) {
        throw new FetchException(FetchException.Kind.BAD_URL, "not an absolute URL: " + url);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new FetchException(FetchException.Kind.BAD_URL, "malformed URL: " + url, e);
    }
  }

  private static URI resolve(URI base, String location) throws FetchException {
    try {
      return base.resolve(new URI(location));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new FetchException(
          FetchException.Kind.REDIRECTS, base + " redirects to a malformed URL: " + location, e);
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

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // Nothing to do: the redirect's body is not needed.
    }
  }
}
