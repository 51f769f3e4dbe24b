package dev.vera.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.article.Article;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArticleFetcherTest {
  private static TestSite site;
  private final ArticleFetcher trusting =
      new ArticleFetcher(FetchOptions.defaults().withAllowPrivateHosts(true));

  @BeforeAll
  static void start() throws Exception {
    site = new TestSite();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  private static FetchException.Kind failure(ArticleFetcher f, String url) {
    return assertThrows(FetchException.class, () -> f.fetchArticle(url)).kind();
  }

  @Test
  void fetchesAndExtractsFromALocalServerWhenPrivateHostsAreAllowed() throws Exception {
    Article a = trusting.fetchArticle(site.url("/article"));
    assertEquals("Star couple deny split rumours after weekend in Rome", a.title());
    assertTrue(a.text().startsWith("The actors were photographed"));
    assertEquals(site.url("/article"), a.url());
  }

  @Test
  void followsRedirectsAndReportsTheFinalUrl() throws Exception {
    FetchedPage page = trusting.fetch(site.url("/redirect-twice"));
    assertEquals(URI.create(site.url("/article")), page.uri());
    assertEquals(
        List.of(URI.create(site.url("/redirect-twice")), URI.create(site.url("/redirect"))),
        page.redirects());
    assertEquals("text/html", page.contentType());
    assertEquals("utf-8", page.charset());
  }

  @Test
  void everyLimitIsEnforced() {
    assertEquals(FetchException.Kind.REDIRECTS, failure(trusting, site.url("/loop")));
    ArticleFetcher oneRedirect =
        new ArticleFetcher(FetchOptions.defaults().withAllowPrivateHosts(true).withMaxRedirects(1));
    assertEquals(FetchException.Kind.REDIRECTS, failure(oneRedirect, site.url("/redirect-twice")));
    ArticleFetcher small =
        new ArticleFetcher(
            FetchOptions.defaults().withAllowPrivateHosts(true).withMaxBytes(100_000));
    assertEquals(FetchException.Kind.TOO_LARGE, failure(small, site.url("/big")));
    ArticleFetcher impatient =
        new ArticleFetcher(
            FetchOptions.defaults()
                .withAllowPrivateHosts(true)
                .withTimeout(Duration.ofMillis(300)));
    long start = System.nanoTime();
    assertEquals(FetchException.Kind.TIMEOUT, failure(impatient, site.url("/slow")));
    assertTrue(System.nanoTime() - start < 2_500_000_000L, "the timeout was not kept");
  }

  @Test
  void onlyHtmlIsAccepted() {
    assertEquals(FetchException.Kind.NOT_HTML, failure(trusting, site.url("/json")));
    assertEquals(FetchException.Kind.NOT_HTML, failure(trusting, site.url("/no-type")));
    assertEquals(FetchException.Kind.HTTP_STATUS, failure(trusting, site.url("/gone")));
  }

  @Test
  void onlyHttpAndHttpsAreFetched() {
    assertEquals(FetchException.Kind.BAD_URL, failure(trusting, "file:///etc/passwd"));
    assertEquals(FetchException.Kind.BAD_URL, failure(trusting, "ftp://example.com/a"));
    assertEquals(FetchException.Kind.BAD_URL, failure(trusting, "not a url"));
    assertEquals(FetchException.Kind.BAD_URL, failure(trusting, site.url("/to-file")));
  }

  @Test
  void theDefaultGuardRefusesTheLocalServer() {
    ArticleFetcher strict = new ArticleFetcher(FetchOptions.defaults());
    assertEquals(FetchException.Kind.REFUSED, failure(strict, site.url("/article")));
    assertEquals(
        FetchException.Kind.REFUSED,
        failure(strict, "http://localhost:" + site.port() + "/article"));
  }

  /**
   * The first hop is let through (it is the test server on loopback), every later hop meets the
   * strict guard: a redirect to loopback or to the metadata address must be refused there, which
   * shows that redirects are checked and not followed blindly.
   */
  @Test
  void everyRedirectHopIsChecked() {
    for (String path : List.of("/to-loopback", "/to-localhost", "/to-metadata")) {
      List<URI> asked = new ArrayList<>();
      SsrfGuard strict = new SsrfGuard(false);
      HostPolicy firstHopOnly =
          uri -> {
            asked.add(uri);
            if (asked.size() > 1) {
              strict.check(uri);
            }
          };
      ArticleFetcher f = new ArticleFetcher(FetchOptions.defaults(), firstHopOnly);
      FetchException e = assertThrows(FetchException.class, () -> f.fetchArticle(site.url(path)));
      assertEquals(FetchException.Kind.REFUSED, e.kind(), path + ": " + e.getMessage());
      assertEquals(2, asked.size(), path);
    }
  }

  /**
   * A name that answers a public address when checked and then loopback (where the test site
   * listens): the connection asks the guard, gets the loopback answer refused, and nothing reaches
   * the site.
   */
  @Test
  void aRebindingAnswerIsCheckedWhereTheConnectionUsesIt() throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    InetAddress publicAddress = InetAddress.getByName("93.184.216.34");
    SsrfGuard guard =
        new SsrfGuard(
            false,
            host ->
                lookups.incrementAndGet() == 1
                    ? new InetAddress[] {publicAddress}
                    : new InetAddress[] {InetAddress.getLoopbackAddress()});
    ArticleFetcher f = new ArticleFetcher(FetchOptions.defaults(), guard);
    int before = site.requests.get();
    FetchException e =
        assertThrows(
            FetchException.class,
            () -> f.fetch("http://rebind.example:" + site.port() + "/article"));
    assertEquals(FetchException.Kind.REFUSED, e.kind(), e.getMessage());
    assertTrue(lookups.get() >= 2, "the connection looked the name up through the guard");
    assertEquals(before, site.requests.get(), "nothing reached the loopback site");
    assertTrue(
        e.getMessage().contains("127.0.0.1"), "the local message may name it: " + e.getMessage());
    assertFalse(e.publicMessage().contains("127.0.0.1"), e.publicMessage());
    assertFalse(e.publicMessage().contains("resolves to"), e.publicMessage());
  }

  @Test
  void credentialsInTheUrlAreNeitherSentNorKept() throws Exception {
    ArticleFetcher trusting =
        new ArticleFetcher(FetchOptions.defaults().withAllowPrivateHosts(true));
    String url = "http://ana:s3cret@127.0.0.1:" + site.port() + "/article";
    Article a = trusting.fetchArticle(url);
    assertNull(site.lastAuthorization, "no credentials sent");
    assertEquals(site.url("/article"), a.url());
    FetchException e =
        assertThrows(
            FetchException.class,
            () -> trusting.fetch("http://ana:s3cret@127.0.0.1:" + site.port() + "/gone"));
    assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    Article given =
        new Article(
            null, "t", "b", null, "https://ana:s3cret@news.example/x", null, null, Map.of());
    assertEquals("https://news.example/x", given.url());
  }

  @Test
  void aHugeHostNameIsQuotedInPart() {
    String host = "a".repeat(9_000_000) + ".example";
    FetchException e =
        assertThrows(
            FetchException.class,
            () -> new ArticleFetcher(FetchOptions.defaults()).fetch("http://" + host + "/"));
    assertTrue(
        e.getMessage().length() < 1_000, "message of " + e.getMessage().length() + " characters");
    assertTrue(e.publicMessage().length() < 1_000);
  }
}
