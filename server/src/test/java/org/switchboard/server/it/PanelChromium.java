package org.switchboard.server.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium on a {@link TestNode}'s admin panel, logged in as its admin: one per
 * panel IT class, started in its {@code @BeforeAll} after the node and closed before it. Screenshots
 * go to {@code $SWITCHBOARD_BUILD_DIR/screenshots/}. Used by one test thread.
 */
final class PanelChromium implements AutoCloseable {
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String CHROMIUM = "/usr/bin/chromium";
    /** How long a page may take to show what a test waits for. */
    static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriver browser;
    private final WebDriverWait wait;
    private final String base;

    private PanelChromium(ChromeDriver browser, int httpPort) {
        this.browser = browser;
        this.wait = new WebDriverWait(browser, WAIT);
        this.base = "http://127.0.0.1:" + httpPort;
    }

    /** Starts the browser with its profile in {@code profile} and logs in on the panel at {@code httpPort}. */
    static PanelChromium loggedIn(int httpPort, Path profile) {
        PanelChromium panel = new PanelChromium(start(profile), httpPort);
        try {
            panel.logIn();
            return panel;
        } catch (RuntimeException e) {
            panel.close();
            throw e;
        }
    }

    private static ChromeDriver start(Path profile) {
        // The Debian driver matches the Debian browser; Selenium Manager must not look for another.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1200,900", "--user-data-dir=" + profile);
        return new ChromeDriver(service, options);
    }

    private void logIn() {
        open("/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys(TestNode.ADMIN);
        browser.findElement(By.name("password")).sendKeys(TestNode.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("health-title")));
    }

    ChromeDriver browser() {
        return browser;
    }

    /** Waits at most {@link #WAIT}. */
    WebDriverWait await() {
        return wait;
    }

    /** Goes to the panel's {@code page}, e.g. {@code /prompts}. */
    void open(String page) {
        browser.get(base + "/#" + page);
    }

    /** Saves what the browser shows as {@code name.png}, replacing an earlier run's. */
    void screenshot(String name) throws IOException {
        Path buildDir = Path.of(System.getenv().getOrDefault("SWITCHBOARD_BUILD_DIR", "target"));
        Path screenshots = Files.createDirectories(buildDir.resolve("screenshots"));
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        browser.quit();
    }
}
