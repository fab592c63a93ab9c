package org.switchboard.server.it;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium logged in to a node's admin panel, for a test that checks a page with real data: the
 * Debian driver that matches the Debian browser, a profile in the test's folder. Used by one test thread; quits
 * the browser on close.
 */
final class PanelBrowser implements AutoCloseable {
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final int httpPort;
    private final ChromeDriver browser;
    private final WebDriverWait wait;

    private PanelBrowser(int httpPort, ChromeDriver browser) {
        this.httpPort = httpPort;
        this.browser = browser;
        this.wait = new WebDriverWait(browser, WAIT);
    }

    /** A browser with its profile under {@code dir}, logged in to the panel at {@code httpPort} as {@code user}. */
    static PanelBrowser loggedIn(Path dir, int httpPort, String user, String password) {
        // The Debian driver matches the Debian browser; Selenium Manager must not look for another.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1200,900", "--user-data-dir=" + dir.resolve("chromium"));
        PanelBrowser panel = new PanelBrowser(httpPort, new ChromeDriver(service, options));
        panel.open("/login");
        panel.wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys(user);
        panel.browser.findElement(By.name("password")).sendKeys(password);
        panel.browser.findElement(By.cssSelector("form button[type=submit]")).click();
        panel.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("health-title")));
        return panel;
    }

    /** Opens a page of the panel ({@code /parking}). */
    void open(String page) {
        browser.get("http://127.0.0.1:" + httpPort + "/#" + page);
    }

    ChromeDriver driver() {
        return browser;
    }

    /** Waits until {@code element}'s text holds {@code text}. */
    void awaitText(By element, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(element, text));
    }

    /** Waits until {@code input}'s value is {@code value}. */
    void awaitValue(By input, String value) {
        wait.until(ExpectedConditions.attributeToBe(input, "value", value));
    }

    @Override
    public void close() {
        browser.quit();
    }
}
