package org.switchboard.api.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.switchboard.api.fraud.FraudRoutes;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.api.sipban.SipBanRoutes;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.fraud.CallPrice;
import org.switchboard.pbx.fraud.DailyUsage;
import org.switchboard.pbx.fraud.FraudService;
import org.switchboard.pbx.sipban.SipBanService;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.extension.NewExtension;
import org.switchboard.store.fraud.FraudEvent;
import org.switchboard.store.fraud.JdbiBlockedPatternStore;
import org.switchboard.store.fraud.JdbiFraudEventStore;
import org.switchboard.store.fraud.JdbiFraudSettingsStore;
import org.switchboard.store.fraud.OutboundClass;
import org.switchboard.store.sipban.JdbiSipBanStore;
import org.switchboard.store.testkit.Teardown;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * The panel's fraud page in headless Chromium against a real server over SQLite: a refused call is
 * listed; the daily budget is saved (a bad one reported at its field first); an extension gets its
 * own outbound class and budget; a blocked prefix is
 * added (a bad one reported at its field first); a SIP ban is listed and lifted after a confirmation.
 */
class PanelFraudIT {
    private static final InetAddress SCANNER = InetAddress.ofLiteral("192.0.2.66");
    private static final String MD5 = "0123456789abcdef0123456789abcdef";

    @AutoClose
    private static final Teardown opened = new Teardown();
    private static FraudService fraud;
    private static SipBanService bans;
    private static PanelBrowser browser;

    @BeforeAll
    static void start() throws IOException {
        TestDatabase db = opened.add(TestDatabases.sqlite());
        new JdbiExtensionStore(db.database()).create(new NewExtension("1001", "Front desk", null, MD5, MD5 + MD5,
                "pbx.test", null, false, true, null), Instant.now());
        JdbiFraudEventStore events = new JdbiFraudEventStore(db.database());
        fraud = new FraudService(new JdbiFraudSettingsStore(db.database()), new JdbiBlockedPatternStore(db.database()),
                events, n -> true, n -> false, Clock.systemUTC(), new EventBus());
        fraud.reloadCache();
        db.database().execute(h -> events.batchSink().write(h, List.of(FraudEvent.refused(Instant.now(), "1001",
                "011537", "blocked_pattern", "blocked destination 01153: no business there"))));
        bans = opened.add(new SipBanService(new JdbiSipBanStore(db.database()), new EventBus(), Clock.systemUTC()));
        DailyUsage usage = new DailyUsage(new CallPrice(null), ZoneOffset.UTC, id -> Optional.empty());
        ApiFixture api = opened.add(new ApiFixture(db, new FraudRoutes(fraud, usage, Clock.systemUTC()),
                new SipBanRoutes(bans)));
        browser = opened.add(new PanelBrowser(api.server.port()));
    }

    @AfterEach
    void noContentSecurityPolicyViolations() {
        assertThat(browser.policyViolations()).as("CSP violations reported by the browser").isEmpty();
    }

    @Test
    void eventsBudgetsPatternsAndBansAreShownAndChanged() {
        bans.ban(SCANNER, "10 SIP authentication failures within 10 min", 10, Duration.ofHours(1));
        await().until(() -> bans.list().size() == 1);
        browser.openLoginPage();
        browser.logIn();
        browser.openPage("#/fraud", By.id("fraud-settings"));

        browser.waitForText(By.id("fraud-events-status"), "1 refused");
        assertThat(browser.text(By.cssSelector("#fraud-events tbody tr"))).contains("1001", "011537", "blocked_pattern");
        browser.waitForText(By.id("sip-bans-status"), "1 banned");

        browser.waitFor(By.name("daily_budget")).clear();
        browser.type(By.name("daily_budget"), "-3");
        browser.waitFor(By.cssSelector("#fraud-settings button[type=submit]")).click();
        browser.waitForText(By.id("f-daily_budget-error"), "negative");
        browser.waitFor(By.name("daily_budget")).clear();
        browser.type(By.name("daily_budget"), "25.5");
        browser.waitFor(By.cssSelector("#fraud-settings button[type=submit]")).click();
        browser.waitForText(By.id("fraud-settings-status"), "Saved.");
        assertThat(fraud.settings().dailySpendMicros()).isEqualTo(25_500_000);

        browser.type(By.name("extension.number"), "1001");
        browser.waitFor(By.id("fraud-extension-load")).click();
        browser.waitForText(By.id("fraud-extension-status"), "1001: the defaults");
        new Select(browser.waitFor(By.name("extension.permission"))).selectByValue("international");
        browser.type(By.name("extension.daily_budget"), "2");
        browser.waitFor(By.cssSelector("#fraud-extension button[type=submit]")).click();
        browser.waitForText(By.id("fraud-extension-status"), "1001: its own limits");
        assertThat(fraud.snapshot().limitsOf("1001")).satisfies(l -> {
            assertThat(l.permission()).isEqualTo(OutboundClass.INTERNATIONAL);
            assertThat(l.dailySpendMicros()).isEqualTo(2_000_000);
        });

        browser.waitFor(By.id("add-pattern")).click();
        browser.type(By.name("prefix"), "19x");
        browser.type(By.name("reason"), "premium lines");
        browser.waitFor(By.cssSelector("#pattern-form button[type=submit]")).click();
        browser.waitForText(By.id("f-prefix-error"), "digits");
        browser.waitFor(By.name("prefix")).clear();
        browser.type(By.name("prefix"), "1900");
        browser.waitFor(By.cssSelector("#pattern-form button[type=submit]")).click();
        browser.waitForText(By.id("fraud-patterns-status"), "is added.");
        assertThat(browser.text(By.id("fraud-patterns"))).contains("1900", "premium lines");
        assertThat(fraud.patterns()).singleElement().satisfies(p -> assertThat(p.values().enabled()).isTrue());
        browser.screenshot("fraud");

        browser.waitFor(By.cssSelector("button[aria-label='Lift the ban on 192.0.2.66']")).click();
        browser.waitFor(By.id("confirm-delete")).click();
        browser.waitForText(By.id("sip-bans-status"), "No source is banned.");
        assertThat(bans.list()).isEmpty();
    }
}
