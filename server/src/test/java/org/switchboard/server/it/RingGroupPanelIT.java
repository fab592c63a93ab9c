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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.switchboard.server.wiring.Server;
import org.switchboard.store.testkit.Teardown;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * Ring groups in headless Debian Chromium on a whole node: an admin adds a hunt group on the ring
 * groups page, sees the API's complaint about a member that is no extension next to the members,
 * corrects it, picks voicemail as the final action, and finds the group again after a reload,
 * stored as typed; the node's dial plan then sends a number to the group, and its test endpoint
 * explains the call (the module's kind is wired). One node and one browser; one test thread.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RingGroupPanelIT {
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
                extensions:
                  - {number: "2001", name: Ann, password: panel-secret-2001}
                  - {number: "2002", name: Bob, password: panel-secret-2002}
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
    void aGroupMadeInThePanelIsStoredAndTheDialPlanRingsIt() throws Exception {
        open("/ring-groups");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("groups-status"), "0 ring groups"));
        browser.findElement(By.id("add-group")).click();
        browser.findElement(By.name("name")).sendKeys("support");
        new Select(browser.findElement(By.name("strategy"))).selectByValue("hunt");
        browser.findElement(By.name("members")).sendKeys("2001, 2999");
        browser.findElement(By.name("ring_seconds")).clear();
        browser.findElement(By.name("ring_seconds")).sendKeys("15");
        new Select(browser.findElement(By.name("final_action.action"))).selectByValue("voicemail");
        browser.findElement(By.name("final_action.target")).sendKeys("2001");
        browser.findElement(By.cssSelector("#group-form button[type=submit]")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("f-members-error"), "members[1]"));
        screenshot("ring-group-member-refused");
        browser.findElement(By.name("members")).clear();
        browser.findElement(By.name("members")).sendKeys("2001, 2002");
        browser.findElement(By.cssSelector("#group-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("groups-status"), "Ring group support added."));

        browser.navigate().refresh();
        By row = By.cssSelector("#groups tr[data-name='support']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "2001, 2002"));
        assertThat(browser.findElement(row).getText()).contains("hunt", "15 s", "voicemail 2001");
        JsonNode stored = JSON.readTree(api.get("/api/ring-groups/support").body());
        assertThat(stored.get("members").toString()).isEqualTo("[\"2001\",\"2002\"]");
        assertThat(stored.at("/final_action/action").asText()).isEqualTo("voicemail");
        screenshot("ring-group-saved");

        assertThat(api.post("/api/dialplan/rules", """
                {"priority":50,"name":"support","pattern":"600","action":"ring_group","target":"support"}""").statusCode())
                .isEqualTo(201);
        JsonNode test = JSON.readTree(api.get("/api/dialplan/test?from=2002&to=600").body());
        assertThat(test.at("/route/type").asText()).isEqualTo("ring_group");
        assertThat(test.at("/plan/kind").asText()).as("nobody registered: the final action").isEqualTo("voicemail");
        assertThat(test.at("/plan/steps/0/outcome").asText()).isEqualTo("ring_group support: members 2001, 2002 in turn, 15 s each");
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
