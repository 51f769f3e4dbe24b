package dev.vera.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The page's claims panel in headless Chromium, as {@link BrowserTest} drives the page. */
class ClaimsBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir static Path dir;
  private static Javalin app;
  private static ChromeDriver driver;
  private static Path profile;

  @BeforeAll
  static void start() throws IOException {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "browser test skipped: needs /usr/bin/chromium and /usr/bin/chromedriver");
    app =
        VeraServer.create(
                BundledModel.get(),
                ServerConfig.defaults().withPort(0),
                ClaimsFixture.checker(dir.resolve("idx")))
            .start();
    profile = Files.createTempDirectory("vera-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1000");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() throws IOException {
    if (driver != null) {
      driver.quit();
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

  @Test
  void theClaimIsMarkedInTheTextAndListedWithItsFactCheck() {
    driver.get("http://127.0.0.1:" + app.port() + "/");
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    driver.findElement(By.id("title")).sendKeys("Jobs");
    WebElement text = driver.findElement(By.id("text"));
    ((JavascriptExecutor) driver)
        .executeScript(
            "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));",
            text,
            ClaimsFixture.TEXT);
    driver.findElement(By.cssSelector("#check-form button[type=submit]")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("claims-box")));

    List<WebElement> marked = driver.findElements(By.cssSelector("#article-body .claim"));
    String markedText =
        String.join("", marked.stream().map(WebElement::getText).toList());
    assertEquals(ClaimsFixture.CLAIM, markedText);
    assertEquals(
        "C1", driver.findElement(By.cssSelector("#article-body sup.claim-no")).getText());

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
