package dev.vera.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.model.CredibilityModel;
import dev.vera.model.NeighbourIndex;
import io.javalin.Javalin;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The similar-stories panel names each neighbour by title, publisher and date, and links it to
 * where it was published: the bundled model with stories given to its neighbour index (the bundled
 * file predates them), every other one with a {@code javascript:} URL that must not link.
 */
class NeighbourStoriesBrowserTest {
  private static Javalin app;
  private static HeadlessChromium chromium;
  private static ChromeDriver driver;

  static CredibilityModel withStories(CredibilityModel m) {
    NeighbourIndex near = m.neighbours();
    int n = near.size();
    String[] titles = new String[n];
    LocalDate[] dates = new LocalDate[n];
    String[] urls = new String[n];
    for (int i = 0; i < n; i++) {
      boolean linked = i % 2 == 0;
      titles[i] = "Known story " + i + (linked ? "" : " (script)");
      dates[i] = LocalDate.of(2018, 1, 1).plusDays(i % 365);
      urls[i] = linked ? "www.example.com/story-" + i : "javascript:alert(" + i + ")";
    }
    return new CredibilityModel(
        m.vectorizer(),
        m.weights(),
        m.intercept(),
        m.calibrator(),
        m.reputation(),
        m.combiner(),
        m.trainingHashes(),
        m.card(),
        near.withStories(new NeighbourIndex.Stories(titles, dates, urls)),
        m.stack(),
        m.embedding(),
        m.scope());
  }

  @BeforeAll
  static void start() throws IOException {
    chromium = HeadlessChromium.start();
    driver = chromium.driver();
    app =
        VeraServer.create(withStories(BundledModel.get()), ServerConfig.defaults().withPort(0))
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
  void eachSimilarStoryIsNamedAndLinkedOnlyOverHttp() {
    driver.get("http://127.0.0.1:" + app.port() + "/");
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    driver.findElement(By.id("title")).sendKeys(Articles.RUMOR_TITLE);
    WebElement text = driver.findElement(By.id("text"));
    chromium.paste(text, Articles.RUMOR_TEXT);
    text.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("neighbours-box")));

    List<WebElement> items =
        driver.findElements(By.cssSelector("#neighbours-body ol.neighbours li"));
    assertFalse(items.isEmpty());
    for (WebElement li : items) {
      String line = li.getText();
      assertTrue(
          line.matches(
              "(?s). Known story \\d+.*\\(.*2018-\\d\\d-\\d\\d\\) · similarity 0\\.\\d\\d"),
          line);
      List<WebElement> links = li.findElements(By.cssSelector("a.story"));
      if (line.contains("(script)")) {
        assertEquals(List.of(), links, "a javascript: URL must not become a link: " + line);
      } else {
        assertEquals(1, links.size(), line);
        String n = line.replaceAll("(?s).*Known story (\\d+).*", "$1");
        assertEquals("http://www.example.com/story-" + n, links.get(0).getAttribute("href"));
        assertEquals("_blank", links.get(0).getAttribute("target"));
      }
    }
  }
}
