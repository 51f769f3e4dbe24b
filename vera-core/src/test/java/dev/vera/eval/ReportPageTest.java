package dev.vera.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.article.Label;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReportPageTest {

  private static final ReportContext CTX =
      new ReportContext(
          "Vera <test> & co",
          "model-2024-01",
          "test.jsonl, 2000 articles",
          "random 80/10/10, seed 7",
          Instant.parse("2024-05-01T12:34:56Z"));

  /** 2000 articles with distinct scores, plus 6 from a hostile source name. */
  private static Evaluation large() {
    Random random = new Random(3);
    List<ScoredArticle> list = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      boolean fake = random.nextBoolean();
      double p = Math.min(1, Math.max(0, (fake ? 0.65 : 0.35) + 0.25 * random.nextGaussian()));
      list.add(
          new ScoredArticle(
              fake ? Label.FAKE : Label.REAL,
              p,
              p >= 0.5 ? Label.FAKE : Label.REAL,
              i < 6 ? "<b>evil.com" : "site" + (i % 7) + ".example"));
    }
    return Evaluator.evaluate(list, 0.5, Label.REAL, true);
  }

  @Test
  void isASelfContainedPage() {
    String page = ReportPage.html(large(), CTX);
    assertTrue(page.startsWith("<!DOCTYPE html>"));
    assertTrue(page.contains("<svg"));
    assertTrue(page.trim().endsWith("</html>"));
    assertFalse(page.contains("<script"));
    assertFalse(page.contains("<link"));
    assertFalse(page.contains("<img"));
    String withoutXmlns = page.replace("\"http://www.w3.org/2000/svg\"", "");
    assertFalse(withoutXmlns.contains("http://"), "no network address");
    assertFalse(withoutXmlns.contains("https://"), "no network address");
    assertFalse(withoutXmlns.contains("url("), "no CSS fetches");
    assertEquals(count(page, "<svg"), count(page, "</svg>"));
    assertEquals(count(page, "<table"), count(page, "</table>"));
    assertEquals(count(page, "<section"), count(page, "</section>"));
  }

  @Test
  void escapesTextFromDataAndContext() {
    String page = ReportPage.html(large(), CTX);
    assertTrue(page.contains("&lt;b&gt;evil.com"));
    assertFalse(page.contains("<b>evil.com"));
    assertTrue(page.contains("Vera &lt;test&gt; &amp; co"));
    assertFalse(page.contains("<test>"));
  }

  @Test
  void showsContextMetricsAndGuide() {
    Evaluation e = large();
    String page = ReportPage.html(e, CTX);
    for (String s :
        List.of(
            "model-2024-01",
            "test.jsonl, 2000 articles",
            "random 80/10/10, seed 7",
            "2024-05-01 12:34 UTC",
            "Macro-F1",
            "ROC-AUC",
            "ECE",
            "Brier",
            "majority baseline",
            "How to read this",
            "validation",
            "truth ✖ fake",
            "predicted ✔ real",
            "AUC = " + Format.fixed(e.rocAuc(), 4),
            "AP = " + Format.fixed(e.prAuc(), 4))) {
      assertTrue(page.contains(s), s);
    }
  }

  @Test
  void downsamplesCurves() {
    String page = ReportPage.html(large(), CTX);
    Matcher paths = Pattern.compile("<path class=\"curve\" d=\"([^\"]*)\"").matcher(page);
    int curves = 0;
    while (paths.find()) {
      curves++;
      // ~2000 distinct scores; at most 400 points are drawn (a PR step uses two commands).
      assertTrue(count(paths.group(1), "L") + count(paths.group(1), "H") <= Charts.MAX_POINTS);
    }
    assertEquals(2, curves);
  }

  @Test
  void saysWhenACurveIsUndefined() {
    Evaluation oneClass =
        Evaluator.evaluate(Scored.of(new int[] {0, 0}, new double[] {0.2, 0.6}), 0.5, Label.REAL);
    String page = ReportPage.html(oneClass, CTX);
    assertTrue(page.contains("ROC curve undefined"));
    assertTrue(page.contains("Precision-recall curve undefined"));
    assertTrue(page.contains("n/a"));
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) n++;
    return n;
  }
}
