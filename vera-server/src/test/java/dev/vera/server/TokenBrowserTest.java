package dev.vera.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.feedback.Correction;
import dev.vera.feedback.FeedbackStore;
import dev.vera.server.tokens.TokenFile;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page on a server with analysts' tokens, in headless Chromium: it asks for the token once per
 * tab, keeps it in the tab's sessionStorage (never in a URL or localStorage), sends it with
 * corrections, and asks again when the server refuses it.
 */
class TokenBrowserTest {
  @TempDir static Path dir;
  private static HeadlessChromium chromium;
  private static ChromeDriver driver;
  private static Path db;
  private static String token;
  private static Path tokens;
  private static Javalin app;

  @BeforeAll
  static void start() throws Exception {
    chromium = HeadlessChromium.start();
    driver = chromium.driver();
    tokens = dir.resolve("tokens.tsv");
    TokenFile.Added ana = TokenFile.readOrNew(tokens).add("ana");
    ana.file().write();
    token = ana.token();
    db = dir.resolve("feedback.db");
    app =
        VeraServer.create(
                BundledModel.get(),
                ServerConfig.defaults()
                    .withPort(0)
                    .withAccess(ServerConfig.Access.requiringTokens(tokens, false)),
                new FeedbackSettings(db, null))
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
  }

  private static WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  private static Object script(String js) {
    return driver.executeScript(js);
  }

  private static void checkTheRumour() {
    driver.findElement(By.id("title")).sendKeys(Articles.RUMOR_TITLE);
    chromium.paste(driver.findElement(By.id("text")), Articles.RUMOR_TEXT);
    driver.findElement(By.id("submit")).click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
  }

  @Test
  void thePageAsksForTheTokenOnceUsesItForCorrectionsAndAsksAgainWhenRefused() throws Exception {
    driver.manage().window().setSize(new Dimension(1280, 1000));
    driver.get("http://127.0.0.1:" + app.port() + "/");
    WebElement card = driver.findElement(By.id("token-card"));
    waiting().until(ExpectedConditions.visibilityOf(card));
    assertEquals("Your analyst token", driver.findElement(By.id("token-heading")).getText());
    assertEquals(
        "password",
        driver.findElement(By.id("token")).getAttribute("type"),
        "the token is not shown as typed");
    assertEquals(
        driver.findElement(By.id("token")),
        driver.switchTo().activeElement(),
        "the prompt has the focus");
    chromium.screenshot("vera-page-token-prompt.png");

    // A mistyped token is taken (the page cannot know), refused by the server at the first
    // correction, forgotten, and asked for again with the server's reason.
    driver.findElement(By.id("token")).sendKeys("vera_mistyped");
    driver.findElement(By.id("token-save")).click();
    assertFalse(card.isDisplayed());
    assertEquals("vera_mistyped", script("return sessionStorage.getItem('vera.token')"));
    checkTheRumour();
    assertFalse(
        driver.findElement(By.id("correction-analyst")).isDisplayed(),
        "no name field: the token names the analyst");
    driver.findElement(By.id("correction-note")).sendKeys("the studio confirmed it");
    driver.findElement(By.id("correct")).click();
    waiting().until(ExpectedConditions.visibilityOf(card));
    String refused = driver.findElement(By.id("token-message")).getText();
    assertTrue(refused.startsWith("Token not accepted"), refused);
    assertTrue(refused.contains("Paste your token again"), refused);
    assertNull(
        script("return sessionStorage.getItem('vera.token')"), "a refused token is forgotten");
    chromium.screenshot("vera-page-token-refused.png");

    // The right token: the waiting correction goes out at once, under the token's name.
    driver.findElement(By.id("token")).sendKeys(token);
    driver.findElement(By.id("token-save")).click();
    WebElement ack = driver.findElement(By.id("correction-ack"));
    waiting().until(d -> ack.getText().contains("stored"));
    assertTrue(ack.getText().startsWith("Thank you, ana: correction #"), ack.getText());
    try (FeedbackStore store = FeedbackStore.open(db)) {
      List<Correction> all = store.list();
      assertEquals(1, all.size(), "the refused attempt stored nothing");
      assertEquals("ana", all.get(0).analyst());
      assertEquals("the studio confirmed it", all.get(0).note());
    }

    // Kept in this tab's sessionStorage only: not in the URL, not in localStorage.
    assertEquals(token, script("return sessionStorage.getItem('vera.token')"));
    assertEquals(
        Boolean.FALSE,
        script(
            "for (var i = 0; i < localStorage.length; i++) {"
                + " if (localStorage.getItem(localStorage.key(i)).indexOf('vera_') >= 0) return true; }"
                + " return false;"));
    assertFalse(driver.getCurrentUrl().contains(token));

    // Asked once: a reload of the tab keeps it; a new tab asks for it again.
    driver.navigate().refresh();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("token-state")));
    assertFalse(
        driver.findElement(By.id("token-card")).isDisplayed(), "asked again after a reload");
    String first = driver.getWindowHandle();
    driver.switchTo().newWindow(WindowType.TAB);
    driver.get("http://127.0.0.1:" + app.port() + "/");
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("token-card")));
    driver.close();
    driver.switchTo().window(first);

    // Forgetting it asks for it again.
    driver.findElement(By.id("token-forget")).click();
    assertTrue(driver.findElement(By.id("token-card")).isDisplayed());
    assertNull(script("return sessionStorage.getItem('vera.token')"));
    assertEquals(
        1,
        new Http(app.port())
            .get("/api/v1/metrics")
            .json()
            .path("auth_refused")
            .path("invalid_token")
            .asInt());
  }

  @Test
  void withTokensForCheckTheCheckWaitsForTheToken() throws Exception {
    Javalin strict =
        VeraServer.create(
                BundledModel.get(),
                ServerConfig.defaults()
                    .withPort(0)
                    .withAccess(ServerConfig.Access.requiringTokens(tokens, true)))
            .start();
    try {
      driver.manage().window().setSize(new Dimension(1280, 1000));
      driver.get("http://127.0.0.1:" + strict.port() + "/");
      script("sessionStorage.clear()");
      driver.navigate().refresh();
      waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("token-card")));
      assertEquals("checks and corrections", driver.findElement(By.id("token-uses")).getText());
      driver.findElement(By.id("title")).sendKeys(Articles.RUMOR_TITLE);
      chromium.paste(driver.findElement(By.id("text")), Articles.RUMOR_TEXT);
      driver.findElement(By.id("submit")).click();
      String asked = driver.findElement(By.id("token-message")).getText();
      assertTrue(asked.startsWith("A token is needed to check"), asked);
      assertFalse(driver.findElement(By.id("result")).isDisplayed());
      driver.findElement(By.id("token")).sendKeys(token);
      driver.findElement(By.id("token-save")).click();
      waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
      assertTrue(driver.findElement(By.id("verdict-heading")).getText().contains("Likely fake"));
    } finally {
      strict.stop();
    }
  }
}
