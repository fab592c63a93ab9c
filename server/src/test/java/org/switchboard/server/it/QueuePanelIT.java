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
import org.openqa.selenium.StaleElementReferenceException;
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
 * Call queues in headless Debian Chromium on a whole node: an admin adds a round-robin queue on the
 * queues page, sees the API's complaint about a member that is no extension next to the members,
 * corrects it, and finds the queue on the wallboard with its agents' states (no phone registered:
 * unreachable); the pause button pauses an agent, which the wallboard and the API then show. One
 * node and one browser; one test thread.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueuePanelIT {
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
    void aQueueMadeInThePanelIsOnTheWallboardWhereAnAgentIsPaused() throws Exception {
        open("/queues");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("queues-status"), "0 queues"));
        browser.findElement(By.id("add-queue")).click();
        browser.findElement(By.name("name")).sendKeys("sales");
        new Select(browser.findElement(By.name("strategy"))).selectByValue("round_robin");
        browser.findElement(By.name("members")).sendKeys("2001, 2999");
        browser.findElement(By.name("wrap_up_seconds")).clear();
        browser.findElement(By.name("wrap_up_seconds")).sendKeys("10");
        browser.findElement(By.cssSelector("#queue-form button[type=submit]")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("f-members-error"), "members[1]"));
        browser.findElement(By.name("members")).clear();
        browser.findElement(By.name("members")).sendKeys("2001, 2002");
        browser.findElement(By.cssSelector("#queue-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("queues-status"), "Queue sales added."));
        JsonNode stored = JSON.readTree(api.get("/api/queues/sales").body());
        assertThat(stored.get("members").toString()).isEqualTo("[\"2001\",\"2002\"]");
        assertThat(stored.get("strategy").asText()).isEqualTo("round_robin");
        assertThat(stored.get("wrap_up_seconds").asInt()).isEqualTo(10);

        By agent = By.cssSelector("#wallboard section[data-queue='sales'] li[data-agent='2001']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(agent, "2001: unreachable"));
        // the wallboard re-renders every 2 s: a button found just before may be replaced; find it again then
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            driver.findElement(agent).findElements(By.tagName("button")).stream()
                    .filter(b -> b.getText().equals("Pause")).findFirst().orElseThrow().click();
            return true;
        });
        wait.until(ExpectedConditions.textToBePresentInElementLocated(agent, "2001: paused"));
        screenshot("queue-wallboard-paused");
        JsonNode agents = JSON.readTree(api.get("/api/queue-agents").body());
        assertThat(agents.at("/0/extension").asText()).isEqualTo("2001");
        assertThat(agents.at("/0/paused").asBoolean()).as("agents %s", agents).isTrue();
        assertThat(agents.at("/1/paused").asBoolean()).isFalse();
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
