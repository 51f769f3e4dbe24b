package dev.vera.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The page's claims panel in headless Chromium, as {@link BrowserTest} drives the page. */
class ClaimsBrowserTest {
  @TempDir static Path dir;
  private static Javalin app;
  private static HeadlessChromium chromium;
  private static ChromeDriver driver;

  @BeforeAll
  static void start() throws IOException {
    chromium = HeadlessChromium.start();
    driver = chromium.driver();
    app =
        VeraServer.create(
                BundledModel.get(),
                ServerConfig.defaults().withPort(0),
                ClaimsFixture.checker(dir.resolve("idx")))
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

  @Test
  void theClaimIsMarkedInTheTextAndListedWithItsFactCheck() {
    driver.get("http://127.0.0.1:" + app.port() + "/");
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    driver.findElement(By.id("title")).sendKeys("Jobs");
    WebElement text = driver.findElement(By.id("text"));
    chromium.paste(text, ClaimsFixture.TEXT);
    driver.findElement(By.cssSelector("#check-form button[type=submit]")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("claims-box")));

    List<WebElement> marked = driver.findElements(By.cssSelector("#article-body .claim"));
    String markedText = String.join("", marked.stream().map(WebElement::getText).toList());
    assertEquals(ClaimsFixture.CLAIM, markedText);
    assertEquals("C1", driver.findElement(By.cssSelector("#article-body sup.claim-no")).getText());

    List<WebElement> items = driver.findElements(By.cssSelector("#claims-list > li"));
    assertEquals(1, items.size());
    String item = items.get(0).getText();
    assertTrue(item.contains(ClaimsFixture.CLAIM), item);
    assertTrue(item.contains("mostly-false"), item);
    assertTrue(item.contains("Fact Desk, 2012-05-01"), item);
    WebElement link = items.get(0).findElement(By.cssSelector(".match a"));
    assertEquals("https://factdesk.example/ohio", link.getAttribute("href"));
  }
}
