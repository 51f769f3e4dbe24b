package dev.vera.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.article.Article;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlArticleExtractorTest {
  private final HtmlArticleExtractor extractor = new HtmlArticleExtractor();

  static String page(String name) throws IOException {
    try (InputStream in = HtmlArticleExtractorTest.class.getResourceAsStream("/fetch/" + name)) {
      if (in == null) {
        throw new IOException("missing test page " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void articleLayoutKeepsTheStoryAndDropsTheChrome() throws Exception {
    Article a =
        extractor.extract(
            page("article-layout.html"), "https://www.daily.example/celebrity/split?x=1");
    assertEquals("Star couple deny split rumours after weekend in Rome", a.title());
    assertEquals(LocalDate.of(2018, 6, 14), a.date());
    assertEquals("daily.example", a.source());
    assertEquals("https://www.daily.example/celebrity/split?x=1", a.url());
    assertTrue(a.text().startsWith("The actors were photographed together in Rome"), a.text());
    assertTrue(a.text().contains("What the tabloid said"));
    assertTrue(a.text().endsWith("Neither publication responded to a request for comment."));
    for (String chrome :
        List.of(
            "Advertisement",
            "Share on Facebook",
            "Most read",
            "Sign up",
            "All rights reserved",
            "By Jane Writer",
            "Related: ten couples",
            "do not read me",
            "Celebrity")) {
      assertFalse(a.text().contains(chrome), "kept boilerplate: " + chrome);
    }
    assertEquals(5, a.text().split("\n\n").length, a.text());
  }

  @Test
  void densestBlockAndJsonLdDateWhenThereIsNoArticleElement() throws Exception {
    Article a = extractor.extract(page("div-layout-jsonld.html"), "https://gossip.example/wedding");
    assertEquals("Singer's secret wedding: the guest list revealed", a.title());
    assertEquals(LocalDate.of(2017, 11, 2), a.date());
    assertEquals("gossip.example", a.source());
    assertTrue(a.text().startsWith("Sources close to the singer claim"), a.text());
    assertTrue(a.text().endsWith("a second, larger party next summer."), a.text());
    for (String chrome :
        List.of(
            "ADVERTISEMENT",
            "so happy for her",
            "You may also like",
            "cookies",
            "Home",
            "Link one")) {
      assertFalse(a.text().contains(chrome), "kept boilerplate: " + chrome);
    }
  }

  @Test
  void pageWithoutDateOrTitleTagsFallsBackToTheHeading() throws Exception {
    Article a = extractor.extract(page("no-date.html"), "http://news.example.org/budget");
    assertEquals("City council approves new budget", a.title());
    assertNull(a.date());
    assertEquals("news.example.org", a.source());
    assertTrue(a.text().startsWith("The city council voted seven to two"));
    assertTrue(a.text().contains("Roads: up 4%"));
  }

  @Test
  void paywallStubKeepsTheTeaserOnly() throws Exception {
    Article a = extractor.extract(page("paywall.html"), "https://press.example/feud");
    assertEquals("Exclusive: inside the studio feud", a.title());
    assertEquals(LocalDate.of(2019, 2, 20), a.date());
    assertEquals(
        "Two of the studio's biggest producers have not spoken in months, according to people"
            + " familiar with the matter.",
        a.text());
  }

  @Test
  void pageWithoutArticleTextIsRefused() throws Exception {
    FetchException e =
        assertThrows(
            FetchException.class,
            () -> extractor.extract(page("empty-shell.html"), "https://app.example/"));
    assertEquals(FetchException.Kind.NO_ARTICLE, e.kind());
  }

  @Test
  void fetchedBytesAreDecodedWithTheHeaderCharset() throws Exception {
    String html =
        "<html><head><title>Caf\u00e9 news</title></head><body><p>Le caf\u00e9 a ferm\u00e9.</p></body></html>";
    FetchedPage page =
        new FetchedPage(
            URI.create("https://cafe.example/a"),
            "text/html",
            "ISO-8859-1",
            html.getBytes(StandardCharsets.ISO_8859_1),
            List.of());
    Article a = extractor.extract(page);
    assertEquals("Caf\u00e9 news", a.title());
    assertEquals("Le caf\u00e9 a ferm\u00e9.", a.text());
  }

  @Test
  void datesAreReadFromTheirIsoPrefix() {
    assertEquals(LocalDate.of(2020, 1, 31), HtmlArticleExtractor.parseDate("2020-01-31T23:59:59Z"));
    assertNull(HtmlArticleExtractor.parseDate("2020-02-31"));
    assertNull(HtmlArticleExtractor.parseDate("January 5, 2020"));
    assertNull(HtmlArticleExtractor.parseDate(null));
  }
}
