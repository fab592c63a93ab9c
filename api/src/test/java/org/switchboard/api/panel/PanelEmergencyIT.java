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
import org.switchboard.api.emergency.EmergencyRoutes;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.emergency.EmergencyService;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.provisioning.DeviceSecretCipher;
import org.switchboard.pbx.trunk.TrunkInput;
import org.switchboard.pbx.trunk.TrunkService;
import org.switchboard.store.emergency.EmergencySettings;
import org.switchboard.store.emergency.JdbiEmergencyStore;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.testkit.Teardown;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;
import org.switchboard.store.trunk.JdbiSipTrunkStore;

/**
 * The panel's emergency page in headless Chromium against a real server over SQLite: settings
 * naming an unknown trunk are refused at the trunks field; corrected, they are saved as typed; an
 * extension's location missing its city is refused at the city field, then added, listed, edited
 * and deleted after a confirmation.
 */
class PanelEmergencyIT {
    @AutoClose
    private static final Teardown opened = new Teardown();
    private static EmergencyService service;
    private static PanelBrowser browser;

    @BeforeAll
    static void start() throws IOException {
        TestDatabase db = opened.add(TestDatabases.sqlite());
        EventBus events = new EventBus();
        ExtensionService extensions = new ExtensionService(new JdbiExtensionStore(db.database()), ApiFixture.REALM,
                new Argon2PasswordHasher(256, 1, 1), Clock.systemUTC(), events);
        extensions.create(new ExtensionInput("1001", "Alice", "password-1001", null, null, false, true), "test");
        TrunkService trunks = new TrunkService(new JdbiSipTrunkStore(db.database()),
                new DeviceSecretCipher(DeviceSecretCipher.newKey()), Clock.systemUTC(), events);
        trunks.create(new TrunkInput("carrier", "192.0.2.1", OptionalInt.empty(), "udp", Optional.empty(), Optional.empty(),
                Optional.empty(), false, 3600, 0, 3, List.of("PCMU"), 0, Optional.empty(), List.of(), true), "test");
        service = new EmergencyService(new JdbiEmergencyStore(db.database()), extensions, trunks, Clock.systemUTC(), events);
        service.reloadCache();
        ApiFixture api = opened.add(new ApiFixture(db, events, new EmergencyRoutes(service)));
        browser = opened.add(new PanelBrowser(api.server.port()));
    }

    @AfterEach
    void noContentSecurityPolicyViolations() {
        assertThat(browser.policyViolations()).as("CSP violations reported by the browser").isEmpty();
    }

    @Test
    void settingsAreSavedAndALocationIsAddedEditedAndDeleted() {
        browser.openLoginPage();
        browser.logIn();
        browser.openPage("#/emergency", By.id("add-location"));

        browser.waitForText(By.id("emergency-locations-status"), "0 locations");
        assertThat(browser.waitFor(By.name("numbers")).getAttribute("value")).isEqualTo("911");
        browser.waitFor(By.name("numbers")).clear();
        browser.type(By.name("numbers"), "911, 112");
        browser.type(By.name("trunks"), "nowhere");
        browser.type(By.name("callback_number"), "15550001000");
        browser.type(By.name("notify.emails"), "desk@example.com, boss@example.com");
        browser.waitFor(By.cssSelector("#emergency-form button[type=submit]")).click();
        browser.waitForText(By.id("f-trunks-error"), "no trunk named 'nowhere'");
        browser.waitFor(By.name("trunks")).clear();
        browser.type(By.name("trunks"), "carrier");
        browser.waitFor(By.cssSelector("#emergency-form button[type=submit]")).click();
        browser.waitForText(By.id("emergency-status"), "The emergency settings are saved.");
        EmergencySettings saved = service.settings();
        assertThat(saved.numbers()).containsExactly("911", "112");
        assertThat(saved.trunks()).containsExactly("carrier");
        assertThat(saved.callbackNumber()).contains("15550001000");
        assertThat(saved.notifyEmails()).containsExactly("desk@example.com", "boss@example.com");

        browser.waitFor(By.id("add-location")).click();
        browser.type(By.name("extension"), "1001");
        browser.type(By.name("civic.country"), "US");
        browser.type(By.name("civic.state"), "CA");
        browser.type(By.name("civic.street"), "Main St");
        browser.type(By.name("civic.house_number"), "100");
        browser.type(By.name("civic.room"), "201");
        browser.waitFor(By.cssSelector("#location-form button[type=submit]")).click();
        browser.waitForText(By.id("f-civic.city-error"), "is required");
        browser.type(By.name("civic.city"), "Springfield");
        browser.waitFor(By.cssSelector("#location-form button[type=submit]")).click();
        browser.waitForText(By.id("emergency-locations-status"), "The location 1001 is added.");
        assertThat(browser.text(By.cssSelector("#emergency-locations tr[data-location='1001']")))
                .contains("100 Main St, Springfield, CA, US", "201");
        assertThat(service.location("1001").orElseThrow().room()).contains("201");
        browser.screenshot("emergency");

        browser.waitFor(By.cssSelector("button[aria-label='Edit location 1001']")).click();
        browser.waitFor(By.name("civic.floor")).clear();
        browser.type(By.name("civic.floor"), "2");
        browser.waitFor(By.cssSelector("#location-form button[type=submit]")).click();
        browser.waitForText(By.id("emergency-locations-status"), "The location 1001 is saved.");
        assertThat(service.location("1001").orElseThrow().floor()).contains("2");

        browser.waitFor(By.cssSelector("button[aria-label='Delete location 1001']")).click();
        browser.waitFor(By.id("confirm-delete")).click();
        browser.waitForText(By.id("emergency-locations-status"), "The location 1001 is deleted.");
        assertThat(service.locations()).isEmpty();
    }
}
