package org.switchboard.api.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.api.route.OutboundRouteRoutes;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.provisioning.DeviceSecretCipher;
import org.switchboard.pbx.route.LcrRateService;
import org.switchboard.pbx.route.OutboundRouteService;
import org.switchboard.pbx.trunk.TrunkInput;
import org.switchboard.pbx.trunk.TrunkService;
import org.switchboard.store.route.JdbiLcrRateStore;
import org.switchboard.store.route.JdbiOutboundRouteStore;
import org.switchboard.store.route.LcrRate;
import org.switchboard.store.testkit.Teardown;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;
import org.switchboard.store.trunk.JdbiSipTrunkStore;

/**
 * The panel's outbound routes page in headless Chromium against a real server over SQLite: a route
 * added in the form is listed with its trunks, an unknown trunk is reported beside the trunks
 * field; a rate with a weekend rate is added and listed; the route is deleted after a confirmation.
 */
class PanelOutboundRoutesIT {
    @AutoClose
    private static final Teardown opened = new Teardown();
    private static OutboundRouteService routes;
    private static LcrRateService rates;
    private static PanelBrowser browser;

    @BeforeAll
    static void start() throws IOException {
        TestDatabase db = opened.add(TestDatabases.sqlite());
        TrunkService trunks = new TrunkService(new JdbiSipTrunkStore(db.database()),
                new DeviceSecretCipher(DeviceSecretCipher.newKey()), Clock.systemUTC(), new EventBus());
        for (String name : List.of("carrier", "backup")) {
            trunks.create(new TrunkInput(name, "192.0.2.1", OptionalInt.empty(), "udp", Optional.empty(), Optional.empty(),
                    Optional.empty(), false, 3600, 0, 3, List.of("PCMU"), 0, Optional.empty(), List.of(), true), "test");
        }
        routes = new OutboundRouteService(new JdbiOutboundRouteStore(db.database()), trunks, Clock.systemUTC(), new EventBus());
        rates = new LcrRateService(new JdbiLcrRateStore(db.database()), trunks, Clock.systemUTC(), new EventBus());
        ApiFixture api = opened.add(new ApiFixture(db, new OutboundRouteRoutes(routes, rates)));
        browser = opened.add(new PanelBrowser(api.server.port()));
    }

    @AfterEach
    void noContentSecurityPolicyViolations() {
        assertThat(browser.policyViolations()).as("CSP violations reported by the browser").isEmpty();
    }

    @Test
    void aRouteAndARateAreAddedInTheFormsAndTheRouteIsDeleted() {
        browser.openLoginPage();
        browser.logIn();
        browser.openPage("#/outbound-routes", By.id("add-route"));

        browser.waitFor(By.id("add-route")).click();
        browser.type(By.name("name"), "external");
        browser.type(By.name("trunks"), "carrier, nowhere");
        browser.waitFor(By.cssSelector("#route-form button[type=submit]")).click();
        browser.waitForText(By.id("f-trunks-error"), "no trunk named 'nowhere'");
        browser.waitFor(By.name("trunks")).clear();
        browser.type(By.name("trunks"), "carrier, backup");
        browser.type(By.name("caller_id"), "15550001000");
        browser.waitFor(By.cssSelector("#route-form button[type=submit]")).click();
        browser.waitForText(By.id("routes-status"), "The route external is added.");
        assertThat(browser.text(By.cssSelector("#routes tr[data-route='external']")))
                .contains("$1", "carrier, backup", "as listed", "15550001000");
        assertThat(routes.get("external").values().trunks()).containsExactly("carrier", "backup");

        browser.waitFor(By.id("add-rate")).click();
        browser.type(By.name("trunk"), "carrier");
        browser.type(By.name("prefix"), "1555");
        browser.type(By.name("rate"), "0.0125");
        browser.type(By.name("time_rates"), "sat,sun 00:00-24:00 0.005");
        browser.waitFor(By.cssSelector("#rate-form button[type=submit]")).click();
        browser.waitForText(By.id("rates-status"), "is added.");
        LcrRate rate = rates.list().getFirst();
        assertThat(rate.values().rateMicros()).isEqualTo(12_500);
        assertThat(rate.values().timeRates()).hasSize(1);
        assertThat(browser.text(By.cssSelector("#rates tr[data-rate='" + rate.id() + "']")))
                .contains("carrier", "1555", "0.0125", "sat,sun 00:00-24:00 0.005");
        browser.screenshot("outboundRoutes");

        browser.waitFor(By.cssSelector("button[aria-label='Delete route external']")).click();
        browser.waitFor(By.id("confirm-delete")).click();
        browser.waitForText(By.id("routes-status"), "The route external is deleted.");
        assertThat(routes.list()).isEmpty();
    }
}
