package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.switchboard.server.wiring.Server;
import org.switchboard.store.testkit.Teardown;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * Issue 16 in headless Debian Chromium: an admin adds a conference room on the Conferences page, sees the API's
 * complaint about the maximum next to that field, corrects it, and finds the room again after a reload, stored as
 * typed. (Callers in a room over the API: {@code ConferenceAudioIT}.) One node and one browser; one test thread.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConferencePanelIT {
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    @AutoClose
    private final Teardown opened = new Teardown();
    private Server server;
    private ApiClient api;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    void start() throws Exception {
        TestDatabase database = opened.add(TestDatabases.sqlite());
        server = Server.start(NodeConfig.load(dir, database, """
                sip: {bind: 127.0.0.1, port: 0, tls_port: 0, domain: pbx.test}
                http: {bind: 127.0.0.1, port: 0}
                admin: {username: root, password: root-password}
                """), Clock.systemUTC(), "test");
        opened.add(server::stop);
        api = new ApiClient(server.httpPort());
        api.login("root", "root-password");
        browser = browser();
        opened.add(browser::quit);
        wait = new WebDriverWait(browser, WAIT);
        logIn();
    }

    @Test
    void aRoomMadeInThePanelIsStoredAndShownAfterAReload() throws Exception {
        open("/conferences");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conferences-status"), "No room yet."));
        browser.findElement(By.name("name")).sendKeys("board");
        browser.findElement(By.name("number")).sendKeys("810");
        browser.findElement(By.name("pin")).sendKeys("2468");
        browser.findElement(By.name("max_participants")).clear();
        browser.findElement(By.name("max_participants")).sendKeys("1");
        browser.findElement(By.cssSelector("#conference-form button[type=submit]")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("f-max_participants-error"), "between 2 and"));
        screenshot("conference-max-refused");
        browser.findElement(By.name("max_participants")).clear();
        browser.findElement(By.name("max_participants")).sendKeys("8");
        browser.findElement(By.cssSelector("#conference-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conferences-status"), "Room board saved."));

        browser.navigate().refresh();
        By row = By.cssSelector("#conferences tr[data-room='board']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "2468"));
        assertThat(browser.findElement(row).getText()).contains("810", "8");
        JsonNode stored = JSON.readTree(api.get("/api/conferences/board").body());
        assertThat(stored.get("pin").asText()).isEqualTo("2468");
        assertThat(stored.get("max_participants").asInt()).isEqualTo(8);
        assertThat(stored.get("number").asText()).isEqualTo("810");
        assertThat(browser.findElement(By.cssSelector("nav a[href='#/conferences']")).isDisplayed())
                .as("the nav offers the page").isTrue();
        screenshot("conference-saved");
    }

    private void open(String page) {
        browser.get("http://127.0.0.1:" + server.httpPort() + "/#" + page);
    }

    private ChromeDriver browser() {
        // The Debian driver matches the Debian browser; Selenium Manager must not look for another.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1200,900", "--user-data-dir=" + dir.resolve("chromium"));
        return new ChromeDriver(service, options);
    }

    private void logIn() {
        open("/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys("root");
        browser.findElement(By.name("password")).sendKeys("root-password");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("health-title")));
    }

    private void screenshot(String name) throws IOException {
        Path buildDir = Path.of(System.getenv().getOrDefault("SWITCHBOARD_BUILD_DIR", "target"));
        Path screenshots = Files.createDirectories(buildDir.resolve("screenshots"));
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
