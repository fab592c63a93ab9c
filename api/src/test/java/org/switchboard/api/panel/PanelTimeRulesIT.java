package org.switchboard.api.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.api.route.TimeRuleRoutes;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.route.TimeRuleService;
import org.switchboard.pbx.routing.DestinationKinds;
import org.switchboard.store.route.Holiday;
import org.switchboard.store.route.JdbiTimeRuleStore;
import org.switchboard.store.route.NewTimeRule;
import org.switchboard.store.testkit.Teardown;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * The panel's time rules page in headless Chromium against a real server over SQLite: a rule whose
 * hours line has a bad time is reported at the hours box; corrected, the rule with its hours,
 * holiday and both destinations is added and listed; it is deleted after a confirmation.
 */
class PanelTimeRulesIT {
    @AutoClose
    private static final Teardown opened = new Teardown();
    private static TimeRuleService rules;
    private static PanelBrowser browser;

    @BeforeAll
    static void start() throws IOException {
        TestDatabase db = opened.add(TestDatabases.sqlite());
        rules = new TimeRuleService(new JdbiTimeRuleStore(db.database()), DestinationKinds.builtIn(number -> Optional.of(true)),
                Clock.systemUTC(), new EventBus());
        ApiFixture api = opened.add(new ApiFixture(db, new TimeRuleRoutes(rules)));
        browser = opened.add(new PanelBrowser(api.server.port()));
    }

    @AfterEach
    void noContentSecurityPolicyViolations() {
        assertThat(browser.policyViolations()).as("CSP violations reported by the browser").isEmpty();
    }

    @Test
    void aRuleIsAddedInTheFormAndDeleted() {
        browser.openLoginPage();
        browser.logIn();
        browser.openPage("#/time-rules", By.id("add-rule"));

        browser.waitFor(By.id("add-rule")).click();
        browser.type(By.name("name"), "office");
        browser.type(By.name("hours"), "mon,tue,wed,thu,fri 9am-17:00");
        browser.type(By.name("holidays"), "2026-12-25 Christmas");
        browser.type(By.name("open.target"), "1002");
        browser.type(By.name("closed.target"), "1003");
        browser.waitFor(By.cssSelector("#rule-form button[type=submit]")).click();
        browser.waitForText(By.id("f-hours-error"), "hours.from");
        browser.waitFor(By.name("hours")).clear();
        browser.type(By.name("hours"), "mon,tue,wed,thu,fri 09:00-17:00");
        browser.waitFor(By.cssSelector("#rule-form button[type=submit]")).click();
        browser.waitForText(By.id("time-rules-status"), "The rule office is added.");
        assertThat(browser.text(By.cssSelector("#time-rules tr[data-rule='office']")))
                .contains("mon,tue,wed,thu,fri 09:00-17:00", "2026-12-25 Christmas", "extension 1002", "extension 1003");
        NewTimeRule stored = rules.get("office").values();
        assertThat(stored.holidays()).containsExactly(new Holiday(LocalDate.parse("2026-12-25"), "Christmas"));
        assertThat(stored.closed()).isEqualTo(new NewTimeRule.Branch("extension", "1003"));
        browser.screenshot("timeRules");

        browser.waitFor(By.cssSelector("button[aria-label='Delete rule office']")).click();
        browser.waitFor(By.id("confirm-delete")).click();
        browser.waitForText(By.id("time-rules-status"), "The rule office is deleted.");
        assertThat(rules.list()).isEmpty();
    }
}
