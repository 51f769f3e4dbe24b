package dev.vera.server;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium, driven through its chromedriver (installed by {@code .ci/run}), with
 * a fresh profile that is deleted on {@link #close()}. Tests that need it are skipped, saying why,
 * where the two are not installed.
 */
final class HeadlessChromium implements AutoCloseable {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final Path profile;
  private final ChromeDriver driver;

  private HeadlessChromium(Path profile, ChromeDriver driver) {
    this.profile = profile;
    this.driver = driver;
  }

  /** A browser with a new empty profile; skips the calling test class where there is none. */
  static HeadlessChromium start() throws IOException {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "browser test skipped: needs /usr/bin/chromium and /usr/bin/chromedriver"
            + " (apt-get install chromium chromium-driver; .ci/run installs them)");
    Path profile = Files.createTempDirectory("vera-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // Without the background-networking flags Chromium calls Google's hosts, which this
    // machine's closed network refuses, many at a time.
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + profile,
        "--window-size=1280,1000");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new HeadlessChromium(profile, new ChromeDriver(service, options));
  }

  ChromeDriver driver() {
    return driver;
  }

  /**
   * Sets a field's value as a paste would (typing 1,000 characters key by key is slow), then fires
   * input.
   */
  void paste(WebElement field, String text) {
    ((JavascriptExecutor) driver)
        .executeScript(
            "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));",
            field,
            text);
  }

  /**
   * Saves the whole page at the current width (the window grows to the page's height) under
   * target/.
   */
  void screenshot(String name) throws IOException {
    int width = driver.manage().window().getSize().getWidth();
    long height =
        (Long)
            ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollHeight");
    driver.manage().window().setSize(new Dimension(width, (int) Math.min(6000, height + 140)));
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    // Surefire runs in the module directory; target/ is the build directory unless overridden.
    Path out = Path.of(System.getProperty("vera.test.output", "target"));
    Files.createDirectories(out);
    Files.write(out.resolve(name), png);
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (Stream<Path> s = Files.walk(profile)) {
      s.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }
}
