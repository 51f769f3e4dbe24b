package dev.vera.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.vera.article.Label;
import dev.vera.feedback.Correction;
import dev.vera.feedback.FeedbackStore;
import io.javalin.Javalin;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The web page in a real browser ({@link HeadlessChromium}); skipped where there is none. */
class BrowserTest {
  private static Javalin app;
  private static HeadlessChromium chromium;
  private static ChromeDriver driver;
  private static Path profile;
  private static Path feedbackDb;

  @BeforeAll
  static void start() throws IOException {
    chromium = HeadlessChromium.start();
    driver = chromium.driver();
    profile = Files.createTempDirectory("vera-browser-test-");
    feedbackDb = profile.resolve("feedback.db");
    app =
        VeraServer.create(
                BundledModel.get(),
                ServerConfig.defaults().withPort(0),
                new FeedbackSettings(feedbackDb, "desk"))
            .start();
  }

  @AfterAll
  static void stop() throws IOException {
    if (chromium != null) {
      chromium.close();
    }
    if (app != null) {
      app.stop();
    }
    if (profile != null) {
      try (Stream<Path> s = Files.walk(profile)) {
        s.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  private static void screenshot(String name) throws IOException {
    chromium.screenshot(name);
  }

  private void open() {
    driver.get("http://127.0.0.1:" + app.port() + "/");
  }

  @Test
  void pasteSubmitAndSeeTheVerdictWithHighlights() throws Exception {
    driver.manage().window().setSize(new Dimension(1280, 1000));
    open();
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    driver.findElement(By.id("title")).sendKeys(Articles.RUMOR_TITLE);
    WebElement text = driver.findElement(By.id("text"));
    chromium.paste(text, Articles.RUMOR_TEXT);
    driver.findElement(By.id("source")).sendKeys("tmz.com");
    text.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
    String verdict = driver.findElement(By.id("verdict-heading")).getText();
    assertTrue(verdict.contains("\u2716") || verdict.contains("\u2714"), verdict);
    assertTrue(verdict.contains("Likely fake"), "the rumour should read as fake: " + verdict);
    assertTrue(
        driver.findElement(By.id("verdict-detail")).getText().contains("Probability of fake"));
    List<WebElement> marks = driver.findElements(By.cssSelector("#article-body mark.ph"));
    assertFalse(marks.isEmpty(), "no phrase highlighted");
    assertFalse(driver.findElements(By.cssSelector("#article-body mark.ph-fake")).isEmpty());
    assertFalse(
        driver.findElements(By.cssSelector("#article-body .sent")).isEmpty(), "no sentence marked");
    assertTrue(driver.findElement(By.id("source-body")).getText().contains("tmz.com"));
    // The bundled model reads similar training stories: the panel names them with their labels.
    WebElement near = driver.findElement(By.id("neighbours-body"));
    assertTrue(near.isDisplayed(), "the similar-stories panel is hidden");
    assertTrue(
        near.getText().matches("(?s)\\d+ of the 30 most similar training articles were fake.*"),
        near.getText());
    assertFalse(driver.findElements(By.cssSelector("#neighbours-body ol.neighbours li")).isEmpty());
    assertEquals(
        driver.switchTo().activeElement(),
        driver.findElement(By.id("verdict-heading")),
        "focus moves to the verdict for keyboard and screen-reader users");
    driver.findElement(By.cssSelector("#model summary")).click();
    wait.until(d -> d.findElement(By.id("model-body")).getText().contains("vera-fast"));
    screenshot("vera-page-laptop.png");

    driver.manage().window().setSize(new Dimension(390, 900));
    screenshot("vera-page-phone.png");
  }

  /**
   * The correction button under the verdict posts the article and the other label, and says it was
   * stored.
   */
  @Test
  void theCorrectionButtonStoresTheAnalystsLabelAndAcknowledgesIt() throws Exception {
    driver.manage().window().setSize(new Dimension(1280, 1000));
    open();
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    driver.findElement(By.id("title")).sendKeys(Articles.RUMOR_TITLE);
    WebElement text = driver.findElement(By.id("text"));
    chromium.paste(text, Articles.RUMOR_TEXT);
    driver.findElement(By.id("submit")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
    assertTrue(driver.findElement(By.id("verdict-heading")).getText().contains("Likely fake"));
    WebElement button = driver.findElement(By.id("correct"));
    assertEquals("Vera got this wrong: mark as \u2714 credible", button.getText());
    driver.findElement(By.id("correction-note")).sendKeys("the studio confirmed it");
    driver.findElement(By.id("correction-analyst")).sendKeys("Ana");
    button.click();

    WebElement ack = driver.findElement(By.id("correction-ack"));
    wait.until(d -> ack.getText().contains("stored"));
    assertTrue(ack.getText().startsWith("Thank you, Ana: correction #"), ack.getText());
    assertTrue(ack.getText().contains("Vera said fake"), ack.getText());
    assertTrue(ack.getText().contains("you said credible"), ack.getText());
    assertFalse(button.isEnabled(), "one click, one correction");
    screenshot("vera-page-correction.png");

    try (FeedbackStore store = FeedbackStore.open(feedbackDb)) {
      List<Correction> all = store.list();
      Correction c = all.get(all.size() - 1);
      assertEquals(Label.REAL, c.label());
      assertEquals(Label.FAKE, c.modelLabel());
      assertEquals("Ana", c.analyst());
      assertEquals("the studio confirmed it", c.note());
      assertEquals(Articles.RUMOR_TITLE.strip(), c.article().title().strip());
    }
  }

  @Test
  void badAndTooLongInputGetAClearMessage() throws Exception {
    driver.manage().window().setSize(new Dimension(1280, 1000));
    open();
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    driver.findElement(By.id("submit")).click();
    WebElement message = driver.findElement(By.id("message"));
    wait.until(ExpectedConditions.visibilityOf(message));
    assertTrue(message.getText().contains("Nothing to check"), message.getText());

    ((JavascriptExecutor) driver)
        .executeScript(
            "var t = document.getElementById('text'); t.value = 'word '.repeat(210000);"
                + " t.dispatchEvent(new Event('input'));");
    driver.findElement(By.id("submit")).click();
    wait.until(d -> d.findElement(By.id("message")).getText().contains("too long"));
    assertTrue(message.getText().contains("1.0"), message.getText());
    screenshot("vera-page-too-long.png");

    driver.findElement(By.cssSelector("input[name=mode][value=url]")).click();
    driver.findElement(By.id("url")).sendKeys("http://127.0.0.1:" + app.port() + "/", Keys.ENTER);
    wait.until(d -> d.findElement(By.id("message")).getText().contains("URL refused"));
  }

  /**
   * The reported forgery, from a real browser: a page of another origin (here another port on
   * 127.0.0.1) posts a correction with a text/plain body (no preflight) and with a form. Chromium
   * sends both; the server refuses them and stores nothing.
   */
  @Test
  void aPageOfAnotherOriginCannotStoreACorrection() throws Exception {
    String target = "http://127.0.0.1:" + app.port() + "/api/v1/feedback";
    String forged =
        "{\"article\":{\"title\":\"x\",\"text\":\"planted by a page\"},\"label\":\"real\",\"analyst\":\"x\"}";
    String page =
        "<!doctype html><html><head><title>cats</title></head><body>"
            + "<form id='f' method='POST' enctype='text/plain' action='"
            + target
            + "' target='sink'>"
            + "<input name='{\"article\":{\"title\":\"x\",\"text\":\"planted by a form\"},\"label\":\"real\",\"x\":\"' value='\"}'>"
            + "</form><iframe name='sink'></iframe><script>"
            + "fetch('"
            + target
            + "', {method: 'POST', mode: 'no-cors', headers: {'Content-Type': 'text/plain'},"
            + " body: JSON.stringify("
            + forged
            + ")})"
            + ".finally(function () { document.getElementById('f').submit();"
            + " setTimeout(function () { document.title = 'sent'; }, 1500); });"
            + "</script></body></html>";
    HttpServer evil =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    evil.createContext(
        "/",
        ex -> {
          byte[] b = page.getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          ex.sendResponseHeaders(200, b.length);
          ex.getResponseBody().write(b);
          ex.close();
        });
    evil.start();
    long before;
    try (FeedbackStore store = FeedbackStore.open(feedbackDb)) {
      before = store.count();
    }
    int refusedBefore = refusedFeedback();
    try {
      driver.get("http://127.0.0.1:" + evil.getAddress().getPort() + "/");
      new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> "sent".equals(d.getTitle()));
    } finally {
      evil.stop(0);
    }
    try (FeedbackStore store = FeedbackStore.open(feedbackDb)) {
      assertEquals(before, store.count(), "a forged correction was stored");
    }
    assertEquals(
        refusedBefore + 2,
        refusedFeedback(),
        "both forged requests reached the server and were refused");
  }

  /** How many POST /api/v1/feedback were refused with 403 so far. */
  private static int refusedFeedback() throws Exception {
    return new Http(app.port())
        .get("/api/v1/metrics")
        .json()
        .path("routes")
        .path("POST /api/v1/feedback")
        .path("status")
        .path("403")
        .asInt();
  }
}
