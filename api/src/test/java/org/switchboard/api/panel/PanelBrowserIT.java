package org.switchboard.api.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.store.extension.Extension;
import org.switchboard.store.testkit.Teardown;

/**
 * The admin panel in headless Chromium against a real server over SQLite (without provisioning
 * routes): login, logout, session expiry, dashboard and extensions. One browser and one server for
 * the class, a fresh tab session per test; screenshots under {@code $SWITCHBOARD_BUILD_DIR/screenshots/}.
 */
class PanelBrowserIT {
    @AutoClose
    private static final Teardown opened = new Teardown();
    private static ApiFixture api;
    private static PanelBrowser browser;
    private String testName;

    @BeforeAll
    static void start() throws IOException {
        api = opened.add(ApiFixture.withSqlite());
        browser = opened.add(new PanelBrowser(api.server.port()));
    }

    @BeforeEach
    void freshSession(TestInfo info) {
        testName = info.getTestMethod().orElseThrow().getName();
        browser.openLoginPage();
    }

    @AfterEach
    void noContentSecurityPolicyViolations() {
        assertThat(browser.policyViolations()).as("CSP violations reported by the browser in " + testName).isEmpty();
    }

    @Test
    void adminLogsInAndSeesTheHealthOfTheServer() {
        browser.logIn();

        browser.waitForText(By.id("health-status"), "ok");
        assertThat(browser.text(By.id("health-database"))).isEqualTo("sqlite");
        assertThat(browser.text(By.id("health-version"))).isEqualTo("1.2.3-test");
        assertThat(browser.text(By.id("health-uptime"))).matches("\\d+ (d|h|min|s)( \\d+ (h|min|s))?");
        assertThat(browser.driver.findElement(By.id("phone-count")).isDisplayed())
                .as("registered phones count without /api/registered-phones").isFalse();
        browser.screenshot(testName);
    }

    @Test
    void pagesForRoutesThisServerLacksAreNotOffered() {
        browser.logIn();
        browser.waitFor(By.cssSelector("nav a[href='#/extensions']"));

        browser.driver.get(browser.driver.getCurrentUrl().replaceFirst("#.*", "#/devices"));

        browser.waitFor(By.id("health-title"));
        assertThat(browser.driver.findElement(By.cssSelector("nav a[href='#/devices']")).isDisplayed())
                .as("Devices link without /api/provisioning/devices").isFalse();
    }

    @Test
    void wrongPasswordShowsTheApiMessageOnTheLoginForm() {
        browser.type(By.name("username"), ApiFixture.ADMIN);
        browser.type(By.name("password"), "not-the-password");
        browser.driver.findElement(By.cssSelector("form button[type=submit]")).click();

        browser.waitForText(By.cssSelector("form .alert"), "invalid username or password");
        browser.screenshot(testName);
    }

    @Test
    void addedExtensionIsListedAndStillThereAfterAReload() {
        browser.logIn();
        openExtensions();

        addExtension("2001", "Reception desk", "secret-pass-1");

        browser.waitFor(By.cssSelector("#extensions tr[data-number='2001']"));
        browser.driver.navigate().refresh();
        WebElement row = browser.waitFor(By.cssSelector("#extensions tr[data-number='2001']"));
        assertThat(row.getText()).contains("Reception desk").doesNotContain("secret-pass-1");
        assertThat(browser.driver.getPageSource()).as("no secret in the page").doesNotContain("secret-pass-1");
        assertThat(api.extensions.list()).extracting(Extension::number).contains("2001");
        browser.screenshot(testName);
    }

    @Test
    void badExtensionNumberShowsTheApiErrorNextToTheNumberField() {
        browser.logIn();
        openExtensions();

        addExtension("12ab", "Typo", "secret-pass-2");

        WebElement error = browser.waitForText(By.id("f-number-error"), "2 to 10 digits");
        assertThat(browser.driver.findElement(By.name("number")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(error.isDisplayed()).isTrue();
        assertThat(api.extensions.list()).extracting(Extension::number).doesNotContain("12ab");
        browser.screenshot(testName);
    }

    @Test
    void extensionIsEditedAndDeletedAfterConfirmation() {
        browser.logIn();
        openExtensions();
        addExtension("2002", "Old name", "secret-pass-3");
        browser.waitFor(By.cssSelector("#extensions tr[data-number='2002']"));

        browser.driver.findElement(By.cssSelector("button[aria-label='Edit extension 2002']")).click();
        browser.type(By.name("name"), "New name");
        browser.driver.findElement(By.cssSelector("#extension-form button[type=submit]")).click();
        browser.waitForText(By.cssSelector("#extensions tr[data-number='2002']"), "New name");

        browser.driver.findElement(By.cssSelector("button[aria-label='Delete extension 2002']")).click();
        browser.waitFor(By.id("confirm-delete"));
        browser.screenshot(testName);
        browser.driver.findElement(By.id("confirm-delete")).click();
        browser.waitForCount(By.cssSelector("#extensions tr[data-number='2002']"), 0);
        assertThat(api.extensions.list()).extracting(Extension::number).doesNotContain("2002");
    }

    @Test
    void theDigestAlgorithmIsChosenInTheExtensionFormAndShownAgainOnEdit() {
        browser.logIn();
        openExtensions();
        addExtension("2003", "Strict phone", "secret-pass-4");
        browser.waitFor(By.cssSelector("#extensions tr[data-number='2003']"));

        browser.driver.findElement(By.cssSelector("button[aria-label='Edit extension 2003']")).click();
        new Select(browser.waitFor(By.name("digest_algorithm"))).selectByValue("sha-256");
        browser.driver.findElement(By.cssSelector("#extension-form button[type=submit]")).click();
        browser.waitForCount(By.id("extension-form"), 0);

        assertThat(api.extensions.get("2003").digestAlgorithm()).isEqualTo("sha-256");
        browser.driver.findElement(By.cssSelector("button[aria-label='Edit extension 2003']")).click();
        assertThat(new Select(browser.waitFor(By.name("digest_algorithm"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("sha-256");
    }

    @Test
    void searchNarrowsTheListOnANarrowScreen() {
        api.extensions.create(new ExtensionInput("3001", "Warehouse", "secret-pass-4", null, null, false, true), "test");
        api.extensions.create(new ExtensionInput("3002", "Kitchen", "secret-pass-5", null, null, false, true), "test");
        browser.driver.manage().window().setSize(new Dimension(400, 800));
        browser.logIn();
        openExtensions();
        browser.waitFor(By.cssSelector("#extensions tr[data-number='3002']"));

        browser.type(By.name("search"), "kitch");

        browser.waitForCount(By.cssSelector("#extensions tbody tr"), 1);
        assertThat(browser.text(By.cssSelector("#extensions tbody tr"))).contains("3002", "Kitchen");
        browser.screenshot(testName);
    }

    @Test
    void keyboardAloneLogsInAndAddsAnExtension() {
        // The login page puts focus on the username field.
        focused().sendKeys(ApiFixture.ADMIN, Keys.TAB, ApiFixture.ADMIN_PASSWORD, Keys.ENTER);
        browser.waitFor(By.id("health-title"));
        browser.waitFor(By.linkText("Manage extensions"));

        focused().sendKeys(Keys.TAB); // from the page's main region to its first link
        focused().sendKeys(Keys.ENTER);
        browser.waitFor(By.id("add-extension"));
        focused().sendKeys(Keys.TAB); // search
        focused().sendKeys(Keys.TAB); // Add extension
        focused().sendKeys(Keys.ENTER);
        browser.waitFor(By.id("extension-form"));
        focused().sendKeys("2100", Keys.TAB, "Keyboard user", Keys.TAB, Keys.TAB, "secret-pass-9", Keys.ENTER);

        browser.waitFor(By.cssSelector("#extensions tr[data-number='2100']"));
        browser.waitFor(By.id("add-extension")).click();
        browser.waitFor(By.id("extension-form"));
        focused().sendKeys(Keys.ESCAPE);
        browser.waitForCount(By.id("extension-form"), 0);
        assertThat(focused().getAttribute("id")).as("focus after Escape").isEqualTo("add-extension");
    }

    @Test
    void logoutReturnsToLoginAndTheTokenStopsWorking() {
        browser.logIn();
        String token = browser.token();

        browser.driver.findElement(By.id("logout")).click();

        browser.waitForText(By.cssSelector(".notice"), "You have logged out.");
        assertThat(browser.token()).as("token left in sessionStorage").isNull();
        assertThat(api.send("GET", "/api/extensions", token, null).statusCode()).as("old token").isEqualTo(401);
        browser.screenshot(testName);
    }

    @Test
    void endedSessionSendsTheAdminBackToLoginWithAMessage() {
        browser.logIn();
        // A page that has finished loading and asks nothing more until the admin acts.
        browser.openPage("#/extensions", By.id("extensions"));
        browser.waitForText(By.id("extensions-status"), "extensions shown");
        // The server ends the session behind the page's back, as expiry would.
        api.send("POST", "/api/auth/logout", browser.token(), null);

        browser.driver.findElement(By.cssSelector("nav a[href='#/dashboard']")).click();

        browser.waitForText(By.cssSelector(".notice"), "Your session has ended");
        assertThat(browser.driver.findElement(By.id("login-title")).isDisplayed()).isTrue();
        browser.screenshot(testName);
    }

    private WebElement focused() {
        return browser.driver.switchTo().activeElement();
    }

    private void openExtensions() {
        browser.openPage("#/extensions", By.id("add-extension"));
    }

    private void addExtension(String number, String name, String password) {
        browser.waitFor(By.id("add-extension")).click();
        browser.type(By.name("number"), number);
        browser.type(By.name("name"), name);
        browser.type(By.name("password"), password);
        browser.driver.findElement(By.cssSelector("#extension-form button[type=submit]")).click();
    }
}
