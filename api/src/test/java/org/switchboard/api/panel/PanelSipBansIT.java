package org.switchboard.api.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.api.sipban.SipBanRoutes;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.sipban.SipBanService;
import org.switchboard.store.sipban.JdbiSipBanStore;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;
import org.switchboard.store.testkit.Teardown;

/**
 * The panel's SIP bans page in headless Chromium against a real server over SQLite: a banned
 * address is listed and lifted after a confirmation, and the ban is gone from the service too.
 */
class PanelSipBansIT {
    private static final InetAddress SCANNER = InetAddress.ofLiteral("192.0.2.66");

    @AutoClose
    private static final Teardown opened = new Teardown();
    private static SipBanService bans;
    private static PanelBrowser browser;

    @BeforeAll
    static void start() throws IOException {
        TestDatabase db = opened.add(TestDatabases.sqlite());
        bans = opened.add(new SipBanService(new JdbiSipBanStore(db.database()), new EventBus(), Clock.systemUTC()));
        ApiFixture api = opened.add(new ApiFixture(db, new SipBanRoutes(bans)));
        browser = opened.add(new PanelBrowser(api.server.port()));
    }

    @AfterEach
    void noContentSecurityPolicyViolations() {
        assertThat(browser.policyViolations()).as("CSP violations reported by the browser").isEmpty();
    }

    @Test
    void aBannedAddressIsListedAndLiftedAfterConfirmation() {
        bans.ban(SCANNER, "10 SIP authentication failures within 10 min", 10, Duration.ofHours(1));
        await().until(() -> bans.list().size() == 1);
        browser.openLoginPage();
        browser.logIn();

        browser.openPage("#/sip-bans", By.id("sip-bans"));
        browser.waitForText(By.id("sip-bans-status"), "1 banned");
        assertThat(browser.text(By.cssSelector("#sip-bans tbody tr"))).contains("192.0.2.66", "10 SIP authentication");
        browser.screenshot("sipBansListed");

        browser.waitFor(By.cssSelector("button[aria-label='Lift the ban on 192.0.2.66']")).click();
        browser.waitFor(By.id("confirm-delete")).click();

        browser.waitForText(By.id("sip-bans-status"), "No source is banned.");
        assertThat(bans.list()).isEmpty();
        assertThat(bans.isBlocked(SCANNER)).isFalse();
    }
}
