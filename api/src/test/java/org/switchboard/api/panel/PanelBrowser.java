package org.switchboard.api.panel;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.switchboard.api.http.ApiFixture;

/**
 * Debian's headless Chromium driven by Debian's chromedriver, pointed at one test server, with the
 * waits and screenshots the panel's browser tests share. One per test class; one test thread.
 */
final class PanelBrowser implements AutoCloseable {
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final Duration WAIT = Duration.ofSeconds(10);

    final ChromeDriver driver;
    private final String baseUrl;
    private final Path userDataDir;
    private final Path screenshots;

    PanelBrowser(int port) throws IOException {
        this.baseUrl = "http://127.0.0.1:" + port;
        Path buildDir = Path.of(System.getenv().getOrDefault("SWITCHBOARD_BUILD_DIR", "target"));
        this.screenshots = Files.createDirectories(buildDir.resolve("screenshots"));
        this.userDataDir = Files.createTempDirectory("panel-chromium-");
        // The Debian driver matches the Debian browser; Selenium Manager must not look for another.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1200,900", "--user-data-dir=" + userDataDir);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        this.driver = new ChromeDriver(service, options);
    }

    /** Forgets the session (sessionStorage) and opens the login page at desktop size. */
    void openLoginPage() {
        driver.manage().window().setSize(new Dimension(1200, 900));
        driver.get(baseUrl + "/");
        ((JavascriptExecutor) driver).executeScript("sessionStorage.clear()");
        driver.get(baseUrl + "/#/login");
        waitFor(By.id("login-title"));
    }

    /** Logs in as the fixture's admin and waits for the dashboard. */
    void logIn() {
        type(By.name("username"), ApiFixture.ADMIN);
        type(By.name("password"), ApiFixture.ADMIN_PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(By.id("health-title"));
    }

    /** Follows a link of the main navigation and waits for an element of that page. */
    void openPage(String hash, By landmark) {
        waitFor(By.cssSelector("nav a[href='" + hash + "']")).click();
        waitFor(landmark);
    }

    String token() {
        return (String) ((JavascriptExecutor) driver).executeScript("return sessionStorage.getItem('switchboard.token')");
    }

    /** Browser console lines that report a Content-Security-Policy or Trusted Types violation. */
    List<String> policyViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Trusted Type"))
                .toList();
    }

    void type(By by, String text) {
        WebElement input = waitFor(by);
        input.clear();
        input.sendKeys(text);
    }

    /**
     * The text of the element {@code by} finds now. Live pages re-render their tables (the trunks'
     * state every few seconds), so an element found may be replaced before its text is read: then it
     * is found again.
     */
    String text(By by) {
        for (int attempt = 1; ; attempt++) {
            try {
                return driver.findElement(by).getText();
            } catch (StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement waitForText(By by, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return driver.findElement(by);
    }

    void waitForCount(By by, int count) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.numberOfElementsToBe(by, count));
    }

    /** Saves what the browser shows as {@code screenshots/<name>.png} in the build directory. */
    void screenshot(String name) {
        try {
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var paths = Files.walk(userDataDir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
