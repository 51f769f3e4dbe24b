package dev.vera.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.article.Article;
import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connection goes to an address the guard checked, never to one a second lookup returns
 * (DNS rebinding); refusals tell a remote caller nothing about this network; credentials in a
 * URL are neither sent nor kept; messages quote at most a bounded part of a URL.
 */
class FetchPinningTest {
  private static TestSite site;

  @BeforeAll
  static void start() throws Exception {
    site = new TestSite();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  /**
   * A name that answers a public address when checked and then loopback (where the test site
   * listens): the connection asks the guard, gets the loopback answer refused, and nothing
   * reaches the site.
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
        assertThrows(FetchException.class, () -> f.fetch("http://rebind.example:" + site.port() + "/article"));
    assertEquals(FetchException.Kind.REFUSED, e.kind(), e.getMessage());
    assertTrue(lookups.get() >= 2, "the connection looked the name up through the guard");
    assertEquals(before, site.requests.get(), "nothing reached the loopback site");
    assertTrue(e.getMessage().contains("127.0.0.1"), "the local message may name it: " + e.getMessage());
    assertFalse(e.publicMessage().contains("127.0.0.1"), e.publicMessage());
    assertFalse(e.publicMessage().contains("resolves to"), e.publicMessage());
  }

  @Test
  void credentialsInTheUrlAreNeitherSentNorKept() throws Exception {
    ArticleFetcher trusting = new ArticleFetcher(FetchOptions.defaults().withAllowPrivateHosts(true));
    String url = "http://ana:s3cret@127.0.0.1:" + site.port() + "/article";
    Article a = trusting.fetchArticle(url);
    assertNull(site.lastAuthorization, "no credentials sent");
    assertEquals(site.url("/article"), a.url());
    FetchException e = assertThrows(FetchException.class, () -> trusting.fetch("http://ana:s3cret@127.0.0.1:" + site.port() + "/gone"));
    assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    Article given = new Article(null, "t", "b", null, "https://ana:s3cret@news.example/x", null, null, java.util.Map.of());
    assertEquals("https://news.example/x", given.url());
  }

  @Test
  void aHugeHostNameIsQuotedInPart() {
    String host = "a".repeat(9_000_000) + ".example";
    FetchException e =
        assertThrows(FetchException.class, () -> new ArticleFetcher(FetchOptions.defaults()).fetch("http://" + host + "/"));
    assertTrue(e.getMessage().length() < 1_000, "message of " + e.getMessage().length() + " characters");
    assertTrue(e.publicMessage().length() < 1_000);
  }
}
