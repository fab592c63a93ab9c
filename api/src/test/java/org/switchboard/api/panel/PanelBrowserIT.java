package org.switchboard.api.panel;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
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
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.store.extension.Extension;

/**
 * The admin panel in headless Chromium against a real server over SQLite: one browser and one
 * server for the class, a fresh tab session per test. Screenshots go to
 * {@code $SWITCHBOARD_BUILD_DIR/screenshots/}.
 */
class PanelBrowserIT {
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String CHROMIUM = "/usr/bin/chromium";

    private static ApiFixture api;
    private static ChromeDriver browser;
    private static Path userDataDir;
    private static Path screenshots;
    private String testName;

    @BeforeAll
    static void start() throws IOException {
        api = ApiFixture.withSqlite();
        Path buildDir = Path.of(System.getenv().getOrDefault("SWITCHBOARD_BUILD_DIR", "target"));
        screenshots = Files.createDirectories(buildDir.resolve("screenshots"));
        userDataDir = Files.createTempDirectory("panel-chromium-");
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
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            api.close();
            deleteTree(userDataDir);
        }
    }

    @BeforeEach
    void freshSession(TestInfo info) {
        testName = info.getTestMethod().orElseThrow().getName();
        browser.manage().window().setSize(new Dimension(1200, 900));
        browser.get(baseUrl() + "/");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        browser.get(baseUrl() + "/#/login");
        waitFor(By.id("login-title"));
    }

    @AfterEach
    void noContentSecurityPolicyViolations() {
        List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Trusted Type"))
                .toList();
        assertThat(violations).as("CSP violations reported by the browser in " + testName).isEmpty();
    }

    @Test
    void adminLogsInAndSeesTheHealthOfTheServer() {
        logIn();

        waitForText(By.id("health-status"), "ok");
        assertThat(text(By.id("health-database"))).isEqualTo("sqlite");
        assertThat(text(By.id("health-version"))).isEqualTo("1.2.3-test");
        screenshot();
    }

    @Test
    void wrongPasswordShowsTheApiMessageOnTheLoginForm() {
        type(By.name("username"), ApiFixture.ADMIN);
        type(By.name("password"), "not-the-password");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();

        waitForText(By.cssSelector("form .alert"), "invalid username or password");
        screenshot();
    }

    @Test
    void addedExtensionIsListedAndStillThereAfterAReload() {
        logIn();
        openExtensions();

        addExtension("2001", "Reception desk", "secret-pass-1");

        waitFor(By.cssSelector("#extensions tr[data-number='2001']"));
        browser.navigate().refresh();
        WebElement row = waitFor(By.cssSelector("#extensions tr[data-number='2001']"));
        assertThat(row.getText()).contains("Reception desk").doesNotContain("secret-pass-1");
        assertThat(browser.getPageSource()).as("no secret in the page").doesNotContain("secret-pass-1");
        assertThat(api.extensions.list()).extracting(Extension::number).contains("2001");
        screenshot();
    }

    @Test
    void badExtensionNumberShowsTheApiErrorNextToTheNumberField() {
        logIn();
        openExtensions();

        addExtension("12ab", "Typo", "secret-pass-2");

        WebElement error = waitForText(By.id("f-number-error"), "2 to 10 digits");
        assertThat(browser.findElement(By.name("number")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(error.isDisplayed()).isTrue();
        assertThat(api.extensions.list()).extracting(Extension::number).doesNotContain("12ab");
        screenshot();
    }

    @Test
    void extensionIsEditedAndDeletedAfterConfirmation() {
        logIn();
        openExtensions();
        addExtension("2002", "Old name", "secret-pass-3");
        waitFor(By.cssSelector("#extensions tr[data-number='2002']"));

        browser.findElement(By.cssSelector("button[aria-label='Edit extension 2002']")).click();
        WebElement name = waitFor(By.name("name"));
        name.clear();
        name.sendKeys("New name");
        browser.findElement(By.cssSelector("#extension-form button[type=submit]")).click();
        waitForText(By.cssSelector("#extensions tr[data-number='2002']"), "New name");

        browser.findElement(By.cssSelector("button[aria-label='Delete extension 2002']")).click();
        waitFor(By.id("confirm-delete"));
        screenshot();
        browser.findElement(By.id("confirm-delete")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                ExpectedConditions.numberOfElementsToBe(By.cssSelector("#extensions tr[data-number='2002']"), 0));
        assertThat(api.extensions.list()).extracting(Extension::number).doesNotContain("2002");
    }

    @Test
    void searchNarrowsTheListOnANarrowScreen() {
        api.extensions.create(new ExtensionInput(
                "3001", "Warehouse", "secret-pass-4", null, null, false, true), "test");
        api.extensions.create(new ExtensionInput(
                "3002", "Kitchen", "secret-pass-5", null, null, false, true), "test");
        browser.manage().window().setSize(new Dimension(400, 800));
        logIn();
        openExtensions();
        waitFor(By.cssSelector("#extensions tr[data-number='3002']"));

        type(By.name("search"), "kitch");

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                ExpectedConditions.numberOfElementsToBe(By.cssSelector("#extensions tbody tr"), 1));
        assertThat(text(By.cssSelector("#extensions tbody tr"))).contains("3002", "Kitchen");
        screenshot();
    }

    @Test
    void logoutReturnsToLoginAndTheTokenStopsWorking() {
        logIn();
        String token = currentToken();

        browser.findElement(By.id("logout")).click();

        waitForText(By.cssSelector(".notice"), "You have logged out.");
        assertThat(currentToken()).as("token left in sessionStorage").isNull();
        assertThat(api.send("GET", "/api/extensions", token, null).statusCode()).as("old token").isEqualTo(401);
        screenshot();
    }

    @Test
    void expiredSessionSendsTheAdminBackToLoginWithAMessage() {
        logIn();
        // The server ends the session behind the page's back, as expiry would.
        api.send("POST", "/api/auth/logout", currentToken(), null);

        browser.findElement(By.cssSelector("nav a[href='#/extensions']")).click();

        waitForText(By.cssSelector(".notice"), "Your session has ended");
        assertThat(browser.findElement(By.id("login-title")).isDisplayed()).isTrue();
        screenshot();
    }

    private void logIn() {
        type(By.name("username"), ApiFixture.ADMIN);
        type(By.name("password"), ApiFixture.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(By.id("health-title"));
    }

    private void openExtensions() {
        browser.findElement(By.cssSelector("nav a[href='#/extensions']")).click();
        waitFor(By.id("add-extension"));
    }

    private void addExtension(String number, String name, String password) {
        waitFor(By.id("add-extension")).click();
        type(By.name("number"), number);
        type(By.name("name"), name);
        type(By.name("password"), password);
        browser.findElement(By.cssSelector("#extension-form button[type=submit]")).click();
    }

    private static String baseUrl() {
        return "http://127.0.0.1:" + api.server.port();
    }

    private String currentToken() {
        return (String) ((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('switchboard.token')");
    }

    private void type(By by, String text) {
        WebElement input = waitFor(by);
        input.clear();
        input.sendKeys(text);
    }

    private String text(By by) {
        return browser.findElement(by).getText();
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private WebElement waitForText(By by, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return browser.findElement(by);
    }

    private void screenshot() {
        try {
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve(testName + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
