package org.switchboard.server.it;

import org.switchboard.sip.testkit.Sipp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.switchboard.server.config.ConfigLoader;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.server.wiring.Server;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * Issue 7: on a whole node, the admin panel's dashboard shows one more live registration after a
 * real SIP client (SIPp) registers with digest auth, without the page being reloaded: the
 * registrar's event reaches the page over the event stream (the page's fallback polling only runs
 * while the stream is down, and it is not). Headless Debian Chromium through Debian's chromedriver;
 * one test thread.
 */
class DashboardRegistrationIT {
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String PASSWORD = "alice-digest-42";
    private static final By LIVE_COUNT = By.id("registration-count");
    private static final By STREAM_STATUS = By.id("live-status");

    @TempDir
    Path dir;

    @Test
    void dashboardCountRisesWhenSippRegisters() throws Exception {
        try (TestDatabase database = TestDatabases.sqlite()) {
            Server server = Server.start(config(database), Clock.systemUTC(), "test");
            try {
                ApiClient api = new ApiClient(server.httpPort());
                api.login("root", "root-password");
                HttpResponse<String> created = api.post("/api/extensions",
                        "{\"number\":\"1001\",\"name\":\"Alice\",\"password\":\"" + PASSWORD + "\"}");
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

                ChromeDriver browser = browser();
                try {
                    logIn(browser, server.httpPort());
                    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
                    wait.until(ExpectedConditions.visibilityOfElementLocated(LIVE_COUNT));
                    wait.until(d -> d.findElement(LIVE_COUNT).getText().matches("\\d+"));
                    wait.until(ExpectedConditions.textToBePresentInElementLocated(STREAM_STATUS, "Live:"));
                    int before = Integer.parseInt(browser.findElement(LIVE_COUNT).getText());
                    assertThat(before).as("no phone has registered yet").isZero();
                    String pageId = (String) browser.executeScript("return window.__dashboardPage = String(Math.random())");

                    runSippRegister(server.sipPort(), "1001", PASSWORD);

                    await("the dashboard's live registration count rises").atMost(Duration.ofSeconds(15))
                            .untilAsserted(() -> assertThat(browser.findElement(LIVE_COUNT).getText())
                                    .isEqualTo(Integer.toString(before + 1)));
                    assertThat(browser.executeScript("return window.__dashboardPage"))
                            .as("the same page, not a reload").isEqualTo(pageId);
                    assertThat(browser.findElement(STREAM_STATUS).getText()).as("the event stream stayed up").startsWith("Live:");
                    screenshot(browser, "dashboard-after-sipp-register");
                } finally {
                    browser.quit();
                }
            } finally {
                server.stop();
            }
        }
    }

    private SwitchboardConfig config(TestDatabase database) throws IOException {
        Path file = dir.resolve("switchboard.yml");
        Files.writeString(file, """
                sip: {bind: 127.0.0.1, port: 0, tls_port: 0, domain: pbx.test}
                http: {bind: 127.0.0.1, port: 0}
                admin: {username: root, password: root-password}
                """);
        return new ConfigLoader(Map.of(
                "SWITCHBOARD_DATABASE_URL", database.settings().url(),
                "SWITCHBOARD_DATABASE_USER", database.settings().user(),
                "SWITCHBOARD_DATABASE_PASSWORD", database.settings().password(),
                "SWITCHBOARD_PROVISIONING_KEY_FILE", dir.resolve("provisioning.key").toString(),
                "SWITCHBOARD_SIP_TLS_DIR", dir.resolve("tls").toString())).load(file, true);
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

    private static void logIn(ChromeDriver browser, int httpPort) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.get("http://127.0.0.1:" + httpPort + "/#/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys("root");
        browser.findElement(By.name("password")).sendKeys("root-password");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("health-title")));
    }

    /** REGISTERs {@code user} once over UDP from SIPp with digest credentials; fails the test unless the 200 came. */
    private static void runSippRegister(int sipPort, String user, String password) throws IOException, InterruptedException {
        Sipp.scenario("register.xml").target(sipPort).credentials(user, password).runLimitSeconds(15)
                .key("expires", "300").key("ua", "SIPp").key("mac", "-")
                .run().assertAllCallsSucceeded("REGISTER from SIPp");
    }

    private static void screenshot(ChromeDriver browser, String name) throws IOException {
        Path buildDir = Path.of(System.getenv().getOrDefault("SWITCHBOARD_BUILD_DIR", "target"));
        Path screenshots = Files.createDirectories(buildDir.resolve("screenshots"));
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
