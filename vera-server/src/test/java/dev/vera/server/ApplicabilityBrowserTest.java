package dev.vera.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vera.output.VerdictJson;
import io.javalin.Javalin;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The verdict's applicability box and the base-rate setting on the page, in headless Chromium
 * ({@link HeadlessChromium}; skipped where there is none), checked against direct API calls for the
 * same article and settings.
 */
class ApplicabilityBrowserTest {
  /** A software changelog: nothing like the news the bundled model was trained on. */
  static final String CHANGELOG_TITLE = "Release 2.4.1";

  static final String CHANGELOG_TEXT =
      "Fixed: segfault when parsing empty YAML files. Fixed: --verbose flag ignored in"
          + " subcommands. Changed: bumped minimum supported Rust version to 1.70. Added: support"
          + " for TOML configuration files via the --config option. Deprecated: the legacy INI"
          + " loader will be removed in 3.0. Internal: refactored the tokenizer module and upgraded"
          + " serde to 1.0.190. Docs: corrected the installation instructions for Windows.";

  private static Javalin app;
  private static HeadlessChromium chromium;
  private static ChromeDriver driver;
  private static Http http;

  @BeforeAll
  static void start() throws IOException {
    chromium = HeadlessChromium.start();
    driver = chromium.driver();
    app = VeraServer.create(BundledModel.get(), ServerConfig.defaults().withPort(0)).start();
    http = new Http(app.port());
  }

  @AfterAll
  static void stop() throws IOException {
    if (chromium != null) {
      chromium.close();
    }
    if (app != null) {
      app.stop();
    }
  }

  /**
   * Opens the page and wraps its {@code fetch} so that the test sees each body the page posts to
   * {@code /api/v1/check} and the text it gets back.
   */
  private void open() {
    driver.manage().window().setSize(new Dimension(1280, 1000));
    driver.get("http://127.0.0.1:" + app.port() + "/");
    js(
        "window.__checks = [];"
            + "var f = window.fetch;"
            + "window.fetch = function (url, init) {"
            + "  var p = f.apply(this, arguments);"
            + "  if (String(url) === '/api/v1/check') {"
            + "    var rec = { body: init.body, response: null };"
            + "    window.__checks.push(rec);"
            + "    p.then(function (r) { return r.clone().text(); }).then(function (t) { rec.response = t; });"
            + "  }"
            + "  return p;"
            + "};");
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** The {@code i}-th check the page sent: the body it posted and the reply it read. */
  private static JsonNode[] pageCheck(int i) throws IOException {
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(
            d ->
                js(
                    "return window.__checks.length > "
                        + i
                        + " && window.__checks["
                        + i
                        + "].response !== null;"));
    String body = (String) js("return window.__checks[" + i + "].body;");
    String response = (String) js("return window.__checks[" + i + "].response;");
    return new JsonNode[] {
      VerdictJson.mapper().readTree(body), VerdictJson.mapper().readTree(response)
    };
  }

  /** vera.js's {@code pct}: a probability as a percentage with one decimal. */
  static String pct(double p) {
    return String.format(Locale.ROOT, "%.1f%%", Math.round(p * 1000) / 10.0);
  }

  /** JavaScript's {@code score.toFixed(2)}: the exact binary value rounded, halves up. */
  static String fixed2(double score) {
    return new BigDecimal(score).setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  /** What vera.js writes under the applicability label for an API {@code applicability} object. */
  static String applicabilityDetail(JsonNode a) {
    double score = a.path("score").asDouble();
    return (a.path("outside_experience").asBoolean()
            ? "Unlike the articles it was trained on: trust this verdict less. "
            : "")
        + "Applicability "
        + fixed2(score)
        + ": more like the training data than "
        + Math.round(score * 100)
        + "% of the articles Vera was validated on.";
  }

  /** The verdict line for a text-only check, as the page words it from the API's answer. */
  static String verdictDetail(JsonNode v, boolean rateGiven) {
    return "Probability of fake "
        + pct(v.path("probability_fake").asDouble())
        + ", threshold "
        + pct(v.path("threshold").asDouble())
        + ", from the text alone, for a feed where "
        + pct(v.path("base_rate").asDouble())
        + " of articles are fake"
        + (rateGiven ? "" : " (the model\u2019s training mix; set yours above)")
        + ". Model "
        + v.path("model_id").asText()
        + ".";
  }

  private void check(String title, String text) {
    WebElement t = driver.findElement(By.id("title"));
    t.clear();
    t.sendKeys(title);
    chromium.paste(driver.findElement(By.id("text")), text);
    driver.findElement(By.id("submit")).click();
  }

  private static String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  @Test
  void theApplicabilityBoxAndTheBaseRateShowWhatTheApiSays() throws Exception {
    open();
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    check(Articles.WIRE_TITLE, Articles.WIRE_TEXT);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
    JsonNode[] first = pageCheck(0);
    assertFalse(first[0].has("base_rate"), "an empty field sends no base rate: " + first[0]);
    JsonNode atMix = http.post("/api/v1/check", first[0].toString()).json();
    assertEquals(atMix, first[1], "the page got what the API answers for the same body");

    // The wire story is well inside the bundled model's experience.
    JsonNode app1 = atMix.path("applicability");
    assertFalse(app1.path("outside_experience").asBoolean(), app1.toString());
    assertTrue(app1.path("score").asDouble() >= 0.25, "not at the edge: " + app1);
    WebElement box = driver.findElement(By.id("applicability"));
    assertTrue(box.isDisplayed(), "the applicability box is hidden");
    assertEquals("applicability inside", box.getAttribute("class"));
    assertEquals("Within Vera\u2019s experience", text("applicability-label"));
    assertEquals(applicabilityDetail(app1), text("applicability-detail"));
    assertEquals(verdictDetail(atMix, false), text("verdict-detail"));

    // The analyst's feed is 5% fake: the page sends it, states it and shows the API's new numbers.
    driver.findElement(By.id("base-rate")).sendKeys("5");
    driver.findElement(By.id("submit")).click();
    JsonNode[] second = pageCheck(1);
    assertEquals(0.05, second[0].path("base_rate").asDouble(), 0.0, second[0].toString());
    JsonNode atFive = http.post("/api/v1/check", second[0].toString()).json();
    assertEquals(atFive, second[1], "the page got what the API answers for the same body");
    assertEquals(0.05, atFive.path("base_rate").asDouble(), 0.0);
    String expected = verdictDetail(atFive, true);
    wait.until(d -> expected.equals(text("verdict-detail")));
    assertTrue(expected.contains("for a feed where 5.0% of articles are fake. Model "), expected);

    // P(fake) moved as the API moved it, and the page's gauge says so too.
    double before = atMix.path("probability_fake").asDouble();
    double after = atFive.path("probability_fake").asDouble();
    assertTrue(after < before, "a rarer fake share lowers P(fake): " + before + " -> " + after);
    assertNotEquals(pct(before), pct(after));
    WebElement gauge = driver.findElement(By.id("gauge"));
    assertEquals(String.valueOf(Math.round(after * 100)), gauge.getAttribute("aria-valuenow"));
    assertEquals(pct(after) + " probability of fake", gauge.getAttribute("aria-valuetext"));
    assertEquals(
        "fake".equals(atFive.path("label").asText())
            ? "\u2716 Likely fake"
            : "\u2714 Likely credible",
        text("verdict-heading"));
    // The base rate does not move the article inside or outside the model's experience.
    assertEquals(app1, atFive.path("applicability"));
    assertEquals("Within Vera\u2019s experience", text("applicability-label"));
    assertEquals(applicabilityDetail(app1), text("applicability-detail"));
    chromium.screenshot("vera-page-base-rate.png");
  }

  @Test
  void aChangelogIsFlaggedOutsideVerasExperience() throws Exception {
    JsonNode api =
        http.post("/api/v1/check", Articles.article(CHANGELOG_TITLE, CHANGELOG_TEXT).toString())
            .json();
    JsonNode a = api.path("applicability");
    assertTrue(
        a.path("outside_experience").asBoolean(),
        "the bundled model should flag a software changelog as outside its experience: " + a);

    open();
    check(CHANGELOG_TITLE, CHANGELOG_TEXT);
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
    JsonNode[] sent = pageCheck(0);
    assertEquals(a, sent[1].path("applicability"), "the page got the API's applicability");
    WebElement box = driver.findElement(By.id("applicability"));
    assertTrue(box.isDisplayed(), "the applicability box is hidden");
    assertEquals("applicability outside", box.getAttribute("class"));
    assertEquals("Outside Vera\u2019s experience", text("applicability-label"));
    assertEquals(applicabilityDetail(a), text("applicability-detail"));
    assertTrue(
        text("applicability-detail")
            .startsWith("Unlike the articles it was trained on: trust this verdict less. "),
        text("applicability-detail"));
    chromium.screenshot("vera-page-outside.png");
  }
}
