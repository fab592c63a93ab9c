package org.switchboard.api.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.api.trunk.TrunkRoutes;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.provisioning.DeviceSecretCipher;
import org.switchboard.pbx.trunk.TrunkLines;
import org.switchboard.pbx.trunk.TrunkService;
import org.switchboard.pbx.trunk.TrunkTimings;
import org.switchboard.sip.app.MethodRouter;
import org.switchboard.sip.app.SipStack;
import org.switchboard.sip.app.SipStackSettings;
import org.switchboard.sip.transaction.TimerSettings;
import org.switchboard.sip.transport.SipServerResolver;
import org.switchboard.sip.transport.StackCounters;
import org.switchboard.sip.transport.TransportSettings;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;
import org.switchboard.store.testkit.Teardown;
import org.switchboard.store.trunk.JdbiSipTrunkStore;

/**
 * The panel's trunks page in headless Chromium against a real server over SQLite with a real SIP
 * stack: a trunk added in the form to a carrier that never answers is listed, and its live state
 * turns to failed with the reason; edited to disabled it says so; deleted after a confirmation it
 * is gone. The password typed is never shown again.
 */
class PanelTrunksIT {
    @AutoClose
    private static final Teardown opened = new Teardown();
    private static final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private static final SipServerResolver resolver = new SipServerResolver();
    private static TrunkService trunks;
    private static TrunkLines lines;
    private static SipStack stack;
    private static PanelBrowser browser;

    @BeforeAll
    static void start() throws IOException {
        TestDatabase db = opened.add(TestDatabases.sqlite());
        trunks = new TrunkService(new JdbiSipTrunkStore(db.database()), new DeviceSecretCipher(DeviceSecretCipher.newKey()),
                Clock.systemUTC(), new EventBus());
        trunks.reloadCache();
        // T1 = 50 ms: an unanswered REGISTER fails after 3.2 s instead of 32 s.
        stack = SipStack.start(new SipStackSettings(TransportSettings.of(InetAddress.getLoopbackAddress(), 0, 0),
                new TimerSettings(Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(1)), "127.0.0.1", 2,
                new StackCounters()), MethodRouter.builder().build());
        lines = new TrunkLines(trunks, resolver, scheduler, TrunkTimings.DEFAULTS, Clock.systemUTC());
        lines.start(stack);
        ApiFixture api = opened.add(new ApiFixture(db, new TrunkRoutes(trunks, lines)));
        browser = opened.add(new PanelBrowser(api.server.port()));
    }

    @AfterAll
    static void stop() {
        lines.stop();
        stack.close();
        scheduler.shutdownNow();
        resolver.close();
    }

    @AfterEach
    void noContentSecurityPolicyViolations() {
        assertThat(browser.policyViolations()).as("CSP violations reported by the browser").isEmpty();
    }

    @Test
    void aTrunkAddedInTheFormShowsItsLiveStateIsDisabledAndDeleted() throws IOException {
        // A carrier that takes every datagram and answers none.
        DatagramSocket carrier = opened.add(new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
        int silentCarrier = carrier.getLocalPort();
        browser.openLoginPage();
        browser.logIn();
        browser.openPage("#/trunks", By.id("trunk-form"));

        browser.type(By.name("name"), "carrier");
        browser.type(By.name("host"), "127.0.0.1");
        browser.type(By.name("port"), Integer.toString(silentCarrier));
        browser.type(By.name("username"), "acct-1");
        browser.type(By.name("password"), "panel-secret-77");
        browser.waitFor(By.name("register")).click();
        browser.waitFor(By.cssSelector("#trunk-form button[type=submit]")).click();

        browser.waitForText(By.id("trunks-status"), "Trunk carrier saved.");
        By row = By.cssSelector("#trunks tr[data-trunk='carrier']");
        assertThat(browser.text(row)).contains("udp:127.0.0.1:" + silentCarrier, "acct-1");
        await().atMost(Duration.ofSeconds(20)).until(() -> browser.text(row).contains("failed"));
        assertThat(browser.text(row)).as("the reason in words").contains("no response").doesNotContain("panel-secret-77");
        browser.screenshot("trunkFailed");

        browser.waitFor(By.cssSelector("button[aria-label='Edit trunk carrier']")).click();
        browser.waitFor(By.name("enabled")).click();
        browser.waitFor(By.cssSelector("#trunk-form button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.text(row).contains("disabled"));
        assertThat(trunks.password(trunks.get("carrier"))).as("the password kept by an edit that left it empty")
                .contains("panel-secret-77");

        browser.waitFor(By.cssSelector("button[aria-label='Delete trunk carrier']")).click();
        browser.waitFor(By.id("confirm-delete")).click();
        browser.waitForText(By.id("trunks-status"), "Trunk carrier deleted.");
        assertThat(trunks.list()).isEmpty();
    }
}
