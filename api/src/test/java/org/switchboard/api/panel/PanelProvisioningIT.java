package org.switchboard.api.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.switchboard.api.cdr.CdrRoutes;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.api.provisioning.ProvisioningAccessRoutes;
import org.switchboard.api.provisioning.ProvisioningRoutes;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.cdr.CdrService;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.provisioning.Codec;
import org.switchboard.pbx.provisioning.DeviceHttpAuth;
import org.switchboard.pbx.provisioning.DeviceInput;
import org.switchboard.pbx.provisioning.DeviceSecretCipher;
import org.switchboard.pbx.provisioning.ProvisioningService;
import org.switchboard.pbx.provisioning.ProvisioningTemplates;
import org.switchboard.pbx.provisioning.ProvisioningUrlToken;
import org.switchboard.pbx.provisioning.SipTransport;
import org.switchboard.pbx.provisioning.SiteSettings;
import org.switchboard.store.cdr.CallRecord;
import org.switchboard.store.cdr.Disposition;
import org.switchboard.store.cdr.JdbiCdrStore;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.provisioning.JdbiDeviceHttpCredentialStore;
import org.switchboard.store.provisioning.JdbiProvisionedDeviceStore;
import org.switchboard.store.provisioning.JdbiProvisioningTokenStore;
import org.switchboard.store.provisioning.JdbiRegisteredPhoneStore;
import org.switchboard.store.testkit.Teardown;
import org.switchboard.store.testkit.TestClock;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * The panel's devices page in headless Chromium against a real server over SQLite with the
 * provisioning routes: add a device and give it a static IP, bulk-import devices with per-line
 * results. One browser and one server for the class; screenshots in the build directory.
 */
class PanelProvisioningIT {
    @AutoClose
    private static final Teardown opened = new Teardown();
    private static TestDatabase db;
    private static ApiFixture api;
    private static ProvisioningService provisioning;
    private static ProvisioningUrlToken urlToken;
    private static PanelBrowser browser;
    private String testName;

    @BeforeAll
    static void start() throws IOException {
        db = opened.add(TestDatabases.sqlite());
        TestClock clock = new TestClock(Instant.parse("2026-05-01T10:00:00Z"));
        // The provisioning service checks extensions through its own service over the same database.
        ExtensionService extensions = new ExtensionService(new JdbiExtensionStore(db.database()), ApiFixture.REALM,
                new Argon2PasswordHasher(256, 1, 1), clock, new EventBus());
        for (String number : List.of("4001", "4002", "4003", "4004")) {
            extensions.create(new ExtensionInput(number, "Desk " + number, "secret-pass-" + number, null, null, false, true), "test");
        }
        provisioning = new ProvisioningService(new JdbiProvisionedDeviceStore(db.database()),
                new JdbiRegisteredPhoneStore(db.database()), extensions, new ProvisioningTemplates(Optional.empty(), clock),
                new SiteSettings("pbx.test", 5060, SipTransport.UDP, "*97", ZoneId.of("UTC"), "pool.ntp.org",
                        List.of(Codec.PCMA, Codec.PCMU)),
                new DeviceSecretCipher(DeviceSecretCipher.newKey()), fetch -> {}, clock, new EventBus());
        JdbiCdrStore cdrs = new JdbiCdrStore(db.database(), clock);
        Instant now = Instant.now();
        List<CallRecord> today = List.of(
                new CallRecord("c1", "4001", "4002", now, now, now.plusSeconds(30), Disposition.ANSWERED, "BYE", "PCMA", null, null, null),
                new CallRecord("c2", "4002", "4003", now, null, now.plusSeconds(10), Disposition.NO_ANSWER, "480", null, null, null, null),
                new CallRecord("c3", "4003", "4001", now, null, now.plusSeconds(1), Disposition.BUSY, "486", null, null, null, null));
        db.database().execute(h -> cdrs.batchSink().write(h, today));
        urlToken = new ProvisioningUrlToken(new JdbiProvisioningTokenStore(db.database()), clock, new EventBus());
        urlToken.start();
        DeviceHttpAuth httpAuth = opened.add(new DeviceHttpAuth(new JdbiDeviceHttpCredentialStore(db.database()), provisioning,
                DeviceSecretCipher.newKey(), clock, new EventBus()));
        httpAuth.start();
        api = opened.add(new ApiFixture(db, new ProvisioningRoutes(provisioning, urlToken),
                new ProvisioningAccessRoutes(urlToken, httpAuth, false), new CdrRoutes(new CdrService(cdrs))));
        browser = opened.add(new PanelBrowser(api.server.port()));
        browser.openLoginPage();
        browser.logIn();
    }

    @BeforeEach
    void freshSession(TestInfo info) {
        testName = info.getTestMethod().orElseThrow().getName();
        // One login for the class: these tests are about the pages, not the session.
        browser.openPage("#/devices", By.id("device-form"));
    }

    @AfterEach
    void noContentSecurityPolicyViolations() {
        assertThat(browser.policyViolations()).as("CSP violations reported by the browser in " + testName).isEmpty();
    }

    @Test
    void dashboardCountsRegisteredPhonesAndChartsTodaysCalls() {
        browser.openPage("#/dashboard", By.id("health-title"));

        browser.waitForText(By.id("phone-count"), "0");
        browser.waitForText(By.id("calls-today"), "3");
        assertThat(browser.driver.findElements(By.cssSelector("#calls-card svg rect.bar"))).hasSize(24);
        int hourly = browser.driver.findElements(By.cssSelector("#calls-per-hour tbody td:nth-child(2)")).stream()
                .mapToInt(td -> Integer.parseInt(td.getAttribute("textContent")))
                .sum();
        assertThat(hourly).as("calls per hour add up to the day's calls").isEqualTo(3);
        browser.screenshot(testName);
    }

    @Test
    void addedDeviceIsListedWithItsStaticIp() {
        browser.type(By.name("mac_address"), "80:5E:C0:11:22:33");
        browser.type(By.name("extension_number"), "4001");
        new Select(browser.driver.findElement(By.name("vendor"))).selectByValue("yealink");
        browser.type(By.name("model"), "T46U");
        browser.driver.findElement(By.cssSelector("#device-form button[type=submit]")).click();
        browser.waitFor(By.cssSelector("#devices tr[data-mac='805ec0112233']"));

        browser.driver.findElement(By.cssSelector("button[aria-label='Static IP of device 805ec0112233']")).click();
        browser.type(By.name("static_ip"), "192.0.2.10");
        browser.driver.findElement(By.cssSelector("#static-ip-form button[type=submit]")).click();

        browser.waitForText(By.cssSelector("#devices tr[data-mac='805ec0112233'] .static-ip"), "192.0.2.10");
        assertThat(browser.text(By.id("devices-status"))).contains("Static IP 192.0.2.10 set");
        assertThat(provisioning.get("805ec0112233").staticIp()).isEqualTo("192.0.2.10");
        browser.screenshot(testName);
    }

    @Test
    void lookupFindsAProvisionedDeviceAndNamesAnUnknownOne() {
        provisioning.save(DeviceInput.parse("0004f2abcdef", "4003", "polycom", "VVX 250"), "test");
        browser.openPage("#/phones", By.id("lookup-form"));

        browser.type(By.name("mac_or_ip"), "00:04:F2:AB:CD:EF");
        browser.driver.findElement(By.cssSelector("#lookup-form button[type=submit]")).click();
        browser.waitForText(By.id("lookup-answer"), "VVX 250");
        assertThat(browser.text(By.id("lookup-answer"))).contains("4003", "polycom");
        browser.screenshot(testName);

        browser.type(By.name("mac_or_ip"), "0004f2000000");
        browser.driver.findElement(By.cssSelector("#lookup-form button[type=submit]")).click();
        browser.waitForText(By.cssSelector("#lookup-form .alert"), "0004f2000000");
    }

    @Test
    void theProvisioningUrlIsShownAndRotatedAfterASecondClick() {
        String before = urlToken.current();
        browser.waitForText(By.id("provisioning-http-url"), "/provision/" + before + "/");
        browser.screenshot(testName);

        browser.driver.findElement(By.id("rotate-token")).click();
        assertThat(urlToken.current()).as("the first click only asks").isEqualTo(before);
        browser.waitFor(By.id("rotate-token-confirm")).click();

        await().atMost(Duration.ofSeconds(10)).until(() -> !urlToken.current().equals(before));
        browser.waitForText(By.id("provisioning-http-url"), "/provision/" + urlToken.current() + "/");
    }

    @Test
    void aDevicesHttpPasswordIsShownOnceWhenGenerated() {
        provisioning.save(DeviceInput.parse("001565abcabc", "4001", "yealink", "T46S"), "test");
        browser.driver.navigate().refresh();
        browser.waitFor(By.cssSelector("#devices tr[data-mac='001565abcabc']"));

        browser.driver.findElement(By.cssSelector("button[aria-label='New HTTP password for device 001565abcabc']")).click();

        browser.waitForText(By.id("devices-status"), "HTTP user 001565abcabc, password ");
        assertThat(browser.text(By.id("devices-status"))).matches("(?s).*password [A-Za-z0-9]{24} .*");
    }

    @Test
    void editedDeviceMovesToAnotherExtension() {
        provisioning.save(DeviceInput.parse("001565123123", "4001", "yealink", "T42U"), "test");
        browser.driver.navigate().refresh();
        browser.waitFor(By.cssSelector("#devices tr[data-mac='001565123123']"));

        browser.driver.findElement(By.cssSelector("button[aria-label='Edit device 001565123123']")).click();
        browser.type(By.name("extension_number"), "4002");
        browser.driver.findElement(By.cssSelector("#device-form button[type=submit]")).click();

        browser.waitForText(By.cssSelector("#devices tr[data-mac='001565123123']"), "4002");
        assertThat(provisioning.get("001565123123").extensionNumber()).isEqualTo("4002");
    }

    @Test
    void deviceIsDeletedAfterConfirmation() {
        provisioning.save(DeviceInput.parse("001565fedcba", "4004", "yealink", "T31P"), "test");
        browser.driver.navigate().refresh();
        browser.waitFor(By.cssSelector("#devices tr[data-mac='001565fedcba']"));

        browser.driver.findElement(By.cssSelector("button[aria-label='Delete device 001565fedcba']")).click();
        browser.waitFor(By.id("confirm-delete")).click();

        browser.waitForCount(By.cssSelector("#devices tr[data-mac='001565fedcba']"), 0);
        assertThat(provisioning.list()).noneMatch(d -> d.macAddress().equals("001565fedcba"));
    }

    @Test
    void unknownModelShowsTheApiErrorNextToTheModelField() {
        browser.type(By.name("mac_address"), "805ec0aabbcc");
        browser.type(By.name("extension_number"), "4001");
        browser.type(By.name("model"), "T99Z");
        browser.driver.findElement(By.cssSelector("#device-form button[type=submit]")).click();

        browser.waitForText(By.id("f-model-error"), "is not a known yealink model");
        assertThat(provisioning.list()).noneMatch(d -> d.macAddress().equals("805ec0aabbcc"));
    }

    @Test
    void bulkImportShowsOneResultPerLine() {
        WebElement csv = browser.waitFor(By.name("file"));
        csv.sendKeys("mac,extension,vendor,model\n"
                + "001565000001,4002,yealink,T46S\n"
                + "0004f2000002,4003,polycom,VVX 450\n"
                + "000b82000003,4004,grandstream,GXP2170\n");
        browser.driver.findElement(By.cssSelector("#import-form button[type=submit]")).click();

        browser.waitForText(By.id("import-summary"), "3 imported, 0 failed");
        browser.waitFor(By.cssSelector("#devices tr[data-mac='000b82000003']"));
        assertThat(browser.driver.findElements(By.cssSelector("#import-rows tbody tr.imported"))).hasSize(3);
        browser.screenshot(testName);
    }

    @Test
    void bulkImportAllOrNothingReportsTheBadLineAndStoresNothing() {
        browser.waitFor(By.name("file")).sendKeys("001565000010,4002,yealink,T46S\n001565000011,9999,yealink,T46S\n");
        new Select(browser.driver.findElement(By.name("mode"))).selectByValue("all_or_nothing");
        browser.driver.findElement(By.cssSelector("#import-form button[type=submit]")).click();

        browser.waitForText(By.id("import-summary"), "Nothing was stored");
        assertThat(browser.text(By.cssSelector("#import-rows tr.failed"))).contains("2");
        assertThat(provisioning.list()).noneMatch(d -> d.macAddress().startsWith("00156500001"));
        browser.screenshot(testName);
    }
}
