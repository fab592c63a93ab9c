package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.switchboard.server.wiring.Server;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.testkit.Teardown;

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
    private static final String PASSWORD = "digest-secret-42";
    private static final By LIVE_COUNT = By.id("registration-count");
    private static final By STREAM_STATUS = By.id("live-status");

    @TempDir
    static Path dir;

    @AutoClose
    private final Teardown opened = new Teardown();
    private Server server;
    private ApiClient api;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private PanelChromium panel;

    @BeforeAll
    void start() throws Exception {
        TestNode node = opened.add(TestNode.start(dir, ""));
        server = node.server();
        api = node.api();
        for (String number : new String[] {"1001", "2001", "2002"}) {
            HttpResponse<String> created = api.post("/api/extensions",
                    "{\"number\":\"" + number + "\",\"name\":\"Desk " + number + "\",\"password\":\"" + PASSWORD + "\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        panel = opened.add(PanelChromium.loggedIn(server.httpPort(), dir.resolve("chromium")));
        browser = panel.browser();
        wait = panel.await();
    }

    @Test
    void dashboardCountRisesWhenSippRegisters() throws Exception {
        browser.get("http://127.0.0.1:" + server.httpPort() + "/#/dashboard");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(STREAM_STATUS, "Live:"));
        wait.until(d -> d.findElement(LIVE_COUNT).getText().matches("\\d+"));
        int before = Integer.parseInt(browser.findElement(LIVE_COUNT).getText());
        String pageId = (String) browser.executeScript("return window.__dashboardPage = String(Math.random())");

        register("1001", FreePorts.udpAndTcp());

        await("the dashboard's live registration count rises").atMost(PanelChromium.WAIT)
                .untilAsserted(() -> assertThat(browser.findElement(LIVE_COUNT).getText())
                        .isEqualTo(Integer.toString(before + 1)));
        assertThat(browser.executeScript("return window.__dashboardPage")).as("the same page, not a reload").isEqualTo(pageId);
        assertThat(browser.findElement(STREAM_STATUS).getText()).as("the event stream stayed up").startsWith("Live:");
        panel.screenshot("dashboard-after-sipp-register");
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
        panel.screenshot("calls-in-progress-from-sipp");
        browser.findElement(By.cssSelector("button[aria-label='Hang up call from 2001 to 2002']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-delete"))).click();

        wait.until(ExpectedConditions.numberOfElementsToBe(row, 0));
        caller.awaitResult().assertAllCallsSucceeded("2001 is hung up by the PBX: BYE answered 200");
        callee.awaitResult().assertAllCallsSucceeded("2002 is hung up by the PBX: BYE answered 200");
        By history = By.cssSelector("#cdr tbody tr");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(history, "hung up by admin:root"));
        assertThat(browser.findElement(history).getText()).contains("2001", "2002", "ANSWERED");
        panel.screenshot("call-hung-up-from-panel");
    }

    private void register(String user, int localPort) throws IOException, InterruptedException {
        Sipp.scenario("register.xml").target(server.sipPort()).localPort(localPort).credentials(user, PASSWORD)
                .runLimitSeconds(15).key("expires", "300").key("ua", "SIPp").key("mac", "-")
                .run().assertAllCallsSucceeded("REGISTER " + user + " from SIPp");
    }

    /** SIPp binds its port a moment after starting; a call sent before would be refused. */
    private static void awaitListening(int port) {
        await().atMost(PanelChromium.WAIT).until(() -> {
            try (DatagramSocket probe = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                return false;
            } catch (IOException taken) {
                return true;
            }
        });
    }
}
