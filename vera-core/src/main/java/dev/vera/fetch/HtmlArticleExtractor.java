package dev.vera.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vera.article.Article;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jspecify.annotations.Nullable;

/**
 * Reads a news article out of an HTML page: the headline, the body without navigation, ads and
 * other boilerplate, the publication date and the publisher domain.
 *
 * <ul>
 *   <li>title: {@code og:title}, else {@code twitter:title}, else {@code <title>}, else the first
 *       {@code <h1>};
 *   <li>body: after dropping scripts, styles, forms, {@code nav/header/footer/aside} and elements
 *       whose class or id reads like an ad, share bar, newsletter box or paywall, the text of
 *       {@code [itemprop=articleBody]}, else of the {@code <article>} with the most paragraph text,
 *       else of the element whose own paragraphs hold the most text;
 *   <li>date: {@code article:published_time}, {@code og:published_time}, {@code datePublished},
 *       {@code pubdate} or {@code date} meta tags, then JSON-LD {@code NewsArticle.datePublished},
 *       then {@code <time datetime>} marked as the publication time;
 *   <li>publisher: the domain of the page's final URL.
 * </ul>
 */
public final class HtmlArticleExtractor {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern TOKEN_SPLIT = Pattern.compile("[\\s_\\-]+");

  /** Class and id words that mark boilerplate rather than article text. */
  private static final Set<String> BOILERPLATE_WORDS =
      Set.of(
          "ad",
          "ads",
          "adslot",
          "advert",
          "adverts",
          "advertisement",
          "advertising",
          "sponsor",
          "sponsored",
          "promo",
          "promoted",
          "related",
          "recommended",
          "share",
          "sharing",
          "social",
          "newsletter",
          "subscribe",
          "subscription",
          "cookie",
          "cookies",
          "consent",
          "comments",
          "comment",
          "banner",
          "sidebar",
          "popup",
          "modal",
          "breadcrumb",
          "breadcrumbs",
          "outbrain",
          "taboola",
          "paywall",
          "navbar",
          "menu",
          "masthead",
          "byline",
          "toolbar");

  private static final String DROPPED_TAGS =
      "script, style, noscript, template, svg, canvas, iframe, object, embed, form, button,"
          + " input, select, textarea, nav, header, footer, aside, figure > figcaption,"
          + " [role=navigation], [role=banner], [role=contentinfo], [role=complementary],"
          + " [hidden], [aria-hidden=true]";
  private static final String TEXT_BLOCKS = "p, h2, h3, h4, h5, h6, li, blockquote, pre";
  private static final String[] DATE_META = {
    "meta[property=article:published_time]",
    "meta[name=article:published_time]",
    "meta[property=og:published_time]",
    "meta[itemprop=datePublished]",
    "meta[name=datePublished]",
    "meta[name=pubdate]",
    "meta[name=date]",
  };

  /** The article of a fetched page; its URL and source are the page's final URL and domain. */
  public Article extract(FetchedPage page) throws FetchException {
    Document doc;
    try {
      doc =
          Jsoup.parse(new ByteArrayInputStream(page.body()), page.charset(), page.uri().toString());
    } catch (IOException | IllegalArgumentException e) {
      throw new FetchException(
          FetchException.Kind.NO_ARTICLE,
          "cannot read " + page.uri() + " as HTML: " + e.getMessage(),
          e);
    }
    return extract(doc, page.uri().toString());
  }

  /** The article of an HTML page found at {@code url}. */
  public Article extract(String html, String url) throws FetchException {
    return extract(Jsoup.parse(html, url), url);
  }

  private Article extract(Document doc, String url) throws FetchException {
    String title = title(doc);
    LocalDate date = date(doc);
    String text = body(doc);
    if (text.isEmpty()) {
      throw new FetchException(FetchException.Kind.NO_ARTICLE, "no article text found on " + url);
    }
    return new Article(null, title, text, date, url, Article.domainOf(url), null, Map.of());
  }

  static String title(Document doc) {
    for (String q :
        new String[] {
          "meta[property=og:title]", "meta[name=og:title]",
          "meta[name=twitter:title]", "meta[property=twitter:title]"
        }) {
      Element e = doc.selectFirst(q);
      if (e != null && !e.attr("content").isBlank()) {
        return clean(e.attr("content"));
      }
    }
    if (!doc.title().isBlank()) {
      return clean(doc.title());
    }
    Element h1 = doc.selectFirst("h1");
    return h1 == null ? "" : clean(h1.text());
  }

  static @Nullable LocalDate date(Document doc) {
    for (String q : DATE_META) {
      for (Element e : doc.select(q)) {
        LocalDate d = parseDate(e.attr("content"));
        if (d != null) {
          return d;
        }
      }
    }
    for (Element script : doc.select("script[type=application/ld+json]")) {
      try {
        LocalDate d = jsonLdDate(JSON.readTree(script.data()));
        if (d != null) {
          return d;
        }
      } catch (IOException e) {
        // A broken JSON-LD block is common on real pages; the other sources may still say.
      }
    }
    for (Element t : doc.select("time[itemprop=datePublished], time[pubdate], time.published")) {
      LocalDate d = parseDate(t.hasAttr("datetime") ? t.attr("datetime") : t.text());
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  private static @Nullable LocalDate jsonLdDate(@Nullable JsonNode n) {
    if (n == null) {
      return null;
    }
    if (n.isArray()) {
      for (JsonNode item : n) {
        LocalDate d = jsonLdDate(item);
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (!n.isObject()) {
      return null;
    }
    if (isArticleType(n.get("@type")) && n.hasNonNull("datePublished")) {
      LocalDate d = parseDate(n.get("datePublished").asText());
      if (d != null) {
        return d;
      }
    }
    return jsonLdDate(n.get("@graph"));
  }

  private static boolean isArticleType(@Nullable JsonNode type) {
    if (type == null) {
      return false;
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (isArticleType(t)) {
          return true;
        }
      }
      return false;
    }
    String t = type.asText();
    return t.endsWith("Article") || t.equals("BlogPosting") || t.equals("Report");
  }

  /** The date an ISO 8601 date or timestamp starts with ({@code 2018-06-14T09:30Z}), or null. */
  public static @Nullable LocalDate parseDate(@Nullable String s) {
    if (s == null) {
      return null;
    }
    Matcher m = ISO_DATE.matcher(s.strip());
    if (!m.lookingAt()) {
      return null;
    }
    try {
      return LocalDate.parse(m.group());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static String body(Document doc) {
    Element body = doc.body();
    if (body == null) {
      return "";
    }
    body.select(DROPPED_TAGS).remove();
    List<Element> boilerplate = new ArrayList<>();
    for (Element e : body.getAllElements()) {
      if (e != body && !e.tagName().equals("main") && looksLikeBoilerplate(e)) {
        boilerplate.add(e);
      }
    }
    boilerplate.forEach(Element::remove);

    Element root = body.selectFirst("[itemprop=articleBody]");
    if (root == null) {
      Element densest = densest(body);
      Element article = null;
      for (Element a : body.select("article")) {
        if (article == null || paragraphText(a) > paragraphText(article)) {
          article = a;
        }
      }
      // An <article> that holds less than half the densest block is a teaser card, not the story.
      root =
          article != null
                  && (densest == null || 2 * paragraphText(article) >= paragraphText(densest))
              ? article
              : densest;
    }
    if (root == null) {
      root = body;
    }
    return textOf(root);
  }

  private static boolean looksLikeBoilerplate(Element e) {
    String words = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
    if (words.isBlank()) {
      return false;
    }
    for (String w : TOKEN_SPLIT.split(words)) {
      if (BOILERPLATE_WORDS.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** The element whose direct paragraph children hold the most text. */
  private static @Nullable Element densest(Element body) {
    Element best = null;
    int bestScore = 0;
    for (Element e : body.getAllElements()) {
      int score = 0;
      for (Element child : e.children()) {
        if (child.tagName().equals("p")) {
          score += child.text().length();
        }
      }
      if (score > bestScore) {
        best = e;
        bestScore = score;
      }
    }
    return best;
  }

  private static int paragraphText(Element e) {
    int n = 0;
    for (Element p : e.select("p")) {
      n += p.text().length();
    }
    return n;
  }

  /** Block texts in document order, one paragraph each, nested blocks counted once. */
  private static String textOf(Element root) {
    Elements blocks = root.select(TEXT_BLOCKS);
    if (blocks.isEmpty()) {
      return clean(root.text());
    }
    Set<Element> taken = new HashSet<>();
    StringBuilder out = new StringBuilder();
    for (Element b : blocks) {
      if (insideTaken(b, root, taken)) {
        continue;
      }
      taken.add(b);
      String t = clean(b.text());
      if (!t.isEmpty()) {
        if (out.length() > 0) {
          out.append("\n\n");
        }
        out.append(t);
      }
    }
    return out.toString();
  }

  private static boolean insideTaken(Element e, Element root, Set<Element> taken) {
    for (Element p = e.parent(); p != null && p != root; p = p.parent()) {
      if (taken.contains(p)) {
        return true;
      }
    }
    return false;
  }

  private static String clean(String s) {
    return s.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
  }
}
