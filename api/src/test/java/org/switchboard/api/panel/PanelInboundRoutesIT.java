package org.switchboard.api.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.api.route.InboundRouteRoutes;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.route.InboundRouteService;
import org.switchboard.pbx.routing.Destination;
import org.switchboard.pbx.routing.DestinationKinds;
import org.switchboard.store.route.JdbiInboundRouteStore;
import org.switchboard.store.testkit.Teardown;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * The panel's inbound routes page in headless Chromium against a real server over SQLite: a route to
 * an extension named by something else than digits is reported beside the target field; corrected, it is added and
 * listed; the default route is added; a route is deleted after a confirmation.
 */
class PanelInboundRoutesIT {
    @AutoClose
    private static final Teardown opened = new Teardown();
    private static InboundRouteService routes;
    private static PanelBrowser browser;

    @BeforeAll
    static void start() throws IOException {
        TestDatabase db = opened.add(TestDatabases.sqlite());
        routes = new InboundRouteService(new JdbiInboundRouteStore(db.database()),
                DestinationKinds.builtIn(number -> Optional.of(true)),
                Clock.systemUTC(), new EventBus());
        ApiFixture api = opened.add(new ApiFixture(db, new InboundRouteRoutes(routes)));
        browser = opened.add(new PanelBrowser(api.server.port()));
    }

    @AfterEach
    void noContentSecurityPolicyViolations() {
        assertThat(browser.policyViolations()).as("CSP violations reported by the browser").isEmpty();
    }

    @Test
    void routesAreAddedInTheFormAndDeleted() {
        browser.openLoginPage();
        browser.logIn();
        browser.openPage("#/inbound-routes", By.id("add-route"));

        browser.waitFor(By.id("add-route")).click();
        browser.type(By.name("did"), "15550001000");
        browser.type(By.name("target"), "front desk");
        browser.waitFor(By.cssSelector("#route-form button[type=submit]")).click();
        browser.waitForText(By.id("f-target-error"), "must be digits");
        browser.waitFor(By.name("target")).clear();
        browser.type(By.name("target"), "1002");
        browser.waitFor(By.cssSelector("#route-form button[type=submit]")).click();
        browser.waitForText(By.id("inbound-routes-status"), "The route 15550001000 is added.");
        assertThat(browser.text(By.cssSelector("#inbound-routes tr[data-route='15550001000']"))).contains("extension", "1002");
        assertThat(routes.destination("15550001000")).contains(new Destination("extension", "1002"));

        browser.waitFor(By.id("add-route")).click();
        browser.type(By.name("did"), "*");
        browser.type(By.name("target"), "1000");
        browser.waitFor(By.cssSelector("#route-form button[type=submit]")).click();
        browser.waitForText(By.id("inbound-routes-status"), "The route * is added.");
        assertThat(browser.text(By.cssSelector("#inbound-routes tr[data-route='*']"))).contains("any other number");
        browser.screenshot("inboundRoutes");

        browser.waitFor(By.cssSelector("button[aria-label='Delete route 15550001000']")).click();
        browser.waitFor(By.id("confirm-delete")).click();
        browser.waitForText(By.id("inbound-routes-status"), "The route 15550001000 is deleted.");
        assertThat(routes.destination("15550001000")).as("now the default's").contains(new Destination("extension", "1000"));
    }
}
