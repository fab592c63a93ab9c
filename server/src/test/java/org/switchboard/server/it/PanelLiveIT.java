package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.http.HttpResponse;
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
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.server.wiring.Server;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.testkit.Teardown;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * Issues 6 and 7 on a whole node, in headless Debian Chromium through Debian's chromedriver: the
 * panel follows the PBX live over the event stream, without being reloaded. The dashboard's live
 * registration count rises when a real SIP client (SIPp) registers with digest auth; a SIPp call
 * through the B2BUA appears under *Calls in progress*, is hung up from the panel after the
 * confirmation (both phones get the PBX's BYE), and its CDR names the admin. One node and one
 * browser for the class; one test thread.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PanelLiveIT {
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String PASSWORD = "digest-secret-42";
    private static final By LIVE_COUNT = By.id("registration-count");
    private static final By STREAM_STATUS = By.id("live-status");

    @TempDir
    static Path dir;

    @AutoClose
    private final Teardown opened = new Teardown();
    private TestDatabase database;
    private Server server;
    private ApiClient api;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    void start() throws Exception {
        database = opened.add(TestDatabases.sqlite());
        server = Server.start(config(), Clock.systemUTC(), "test");
        opened.add(server::stop);
        api = new ApiClient(server.httpPort());
        api.login("root", "root-password");
        for (String number : new String[] {"1001", "2001", "2002"}) {
            HttpResponse<String> created = api.post("/api/extensions",
                    "{\"number\":\"" + number + "\",\"name\":\"Desk " + number + "\",\"password\":\"" + PASSWORD + "\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        browser = browser();
        opened.add(browser::quit);
        wait = new WebDriverWait(browser, WAIT);
        logIn();
    }

    @Test
    void dashboardCountRisesWhenSippRegisters() throws Exception {
        browser.get("http://127.0.0.1:" + server.httpPort() + "/#/dashboard");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(STREAM_STATUS, "Live:"));
        wait.until(d -> d.findElement(LIVE_COUNT).getText().matches("\\d+"));
        int before = Integer.parseInt(browser.findElement(LIVE_COUNT).getText());
        String pageId = (String) browser.executeScript("return window.__dashboardPage = String(Math.random())");

        register("1001", FreePorts.udpAndTcp());

        await("the dashboard's live registration count rises").atMost(WAIT)
                .untilAsserted(() -> assertThat(browser.findElement(LIVE_COUNT).getText())
                        .isEqualTo(Integer.toString(before + 1)));
        assertThat(browser.executeScript("return window.__dashboardPage")).as("the same page, not a reload").isEqualTo(pageId);
        assertThat(browser.findElement(STREAM_STATUS).getText()).as("the event stream stayed up").startsWith("Live:");
        screenshot("dashboard-after-sipp-register");
    }

    @Test
    void aSippCallIsListedLiveAndHungUpFromThePanel() throws Exception {
        int calleePort = FreePorts.udpAndTcp();
        register("2002", calleePort);
        Sipp.Running callee = Sipp.scenario("uas_answer_until_bye.xml").localPort(calleePort)
                .key("rtp_port", Integer.toString(FreePorts.udpAndTcp())).runLimitSeconds(60).start();
        awaitListening(calleePort);
        browser.get("http://127.0.0.1:" + server.httpPort() + "/#/calls");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("active-status"), "0 calls in progress"));

        Sipp.Running caller = Sipp.scenario("uac_until_hung_up.xml").target(server.sipPort())
                .option("-s", "2002", "-au", "2001", "-ap", PASSWORD, "-auth_uri", "2002@127.0.0.1:" + server.sipPort())
                .key("caller", "2001").runLimitSeconds(60).start();

        By row = By.cssSelector("#active-calls tbody tr");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "ANSWERED"));
        assertThat(browser.findElement(row).getText()).contains("2001", "2002", "PCMU");
        screenshot("calls-in-progress-from-sipp");
        browser.findElement(By.cssSelector("button[aria-label='Hang up call from 2001 to 2002']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-delete"))).click();

        wait.until(ExpectedConditions.numberOfElementsToBe(row, 0));
        caller.awaitResult().assertAllCallsSucceeded("2001 is hung up by the PBX: BYE answered 200");
        callee.awaitResult().assertAllCallsSucceeded("2002 is hung up by the PBX: BYE answered 200");
        By history = By.cssSelector("#cdr tbody tr");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(history, "hung up by admin:root"));
        assertThat(browser.findElement(history).getText()).contains("2001", "2002", "ANSWERED");
        screenshot("call-hung-up-from-panel");
    }

    private void register(String user, int localPort) throws IOException, InterruptedException {
        Sipp.scenario("register.xml").target(server.sipPort()).localPort(localPort).credentials(user, PASSWORD)
                .runLimitSeconds(15).key("expires", "300").key("ua", "SIPp").key("mac", "-")
                .run().assertAllCallsSucceeded("REGISTER " + user + " from SIPp");
    }

    /** SIPp binds its port a moment after starting; a call sent before would be refused. */
    private static void awaitListening(int port) {
        await().atMost(WAIT).until(() -> {
            try (DatagramSocket probe = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                return false;
            } catch (IOException taken) {
                return true;
            }
        });
    }

    private SwitchboardConfig config() throws IOException {
        return NodeConfig.load(dir, database, """
                sip: {bind: 127.0.0.1, port: 0, tls_port: 0, domain: pbx.test}
                http: {bind: 127.0.0.1, port: 0}
                admin: {username: root, password: root-password}
                """);
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
        browser.get("http://127.0.0.1:" + server.httpPort() + "/#/login");
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
