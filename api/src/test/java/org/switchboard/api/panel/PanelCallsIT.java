package org.switchboard.api.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.switchboard.api.call.CallRoutes;
import org.switchboard.api.call.ListedCalls;
import org.switchboard.api.cdr.CdrRoutes;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.api.sse.EventStreamRoutes;
import org.switchboard.pbx.admin.AdminAuthService;
import org.switchboard.pbx.call.CallSnapshot;
import org.switchboard.pbx.call.CallState;
import org.switchboard.pbx.call.LegSnapshot;
import org.switchboard.pbx.cdr.CdrRecorder;
import org.switchboard.pbx.cdr.CdrService;
import org.switchboard.pbx.clicktodial.ClickToDialRequest;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.store.cdr.CallRecord;
import org.switchboard.store.cdr.CdrFilter;
import org.switchboard.store.cdr.Disposition;
import org.switchboard.store.cdr.JdbiCdrStore;
import org.switchboard.store.db.BatchWriter;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.testkit.Teardown;
import org.switchboard.store.testkit.TestClock;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * The panel's calls page in headless Chromium against a real server over SQLite: call history
 * recorded through the real {@link CdrRecorder}, filtered, paged and downloaded as CSV; a call in
 * progress appears without a reload when its event arrives and is hung up after a confirmation.
 * Calls in progress come from {@link ListedCalls} until call control runs in this module's tests.
 * One browser and one server for the class; screenshots in the build directory.
 */
class PanelCallsIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** 30 calls over the last hours: 1001 calls 1002 (answered) 20 times, 1003 calls 1001 (busy) 10 times. */
    private static final int CALLS = 30;

    @AutoClose
    private static final Teardown opened = new Teardown();
    private static TestDatabase db;
    private static EventBus events;
    private static ListedCalls active;
    private static final List<ClickToDialRequest> dialled = new CopyOnWriteArrayList<>();
    private static ApiFixture api;
    private static PanelBrowser browser;
    private static Path downloads;
    private String testName;

    @BeforeAll
    static void start() throws IOException {
        db = opened.add(TestDatabases.sqlite());
        events = opened.add(new EventBus());
        active = new ListedCalls();
        JdbiCdrStore store = new JdbiCdrStore(db.database(), Clock.systemUTC());
        CdrService cdrs = new CdrService(store);
        try (CdrRecorder recorder = new CdrRecorder(db.database(), store,
                BatchWriter.Settings.defaults(BatchWriter.Overflow.WAIT), new SimpleMeterRegistry())) {
            Instant first = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
            for (int i = 0; i < CALLS; i++) {
                Instant at = first.plus(Duration.ofMinutes(3L * i));
                recorder.record(i % 3 == 2
                        ? new CallRecord("busy-" + i, "1003", "1001", at, null, at.plusSeconds(2), Disposition.BUSY,
                                "486 Busy Here", null, "127.0.0.1:5090", null, null)
                        : new CallRecord("ok-" + i, "1001", "1002", at, at.plusSeconds(1), at.plusSeconds(61),
                                Disposition.ANSWERED, "BYE from callee", "PCMU", "127.0.0.1:5070", "127.0.0.1:5080", null));
            }
        }
        assertThat(cdrs.page(CdrFilter.ALL, 1, 0).total()).as("CDRs written").isEqualTo(CALLS);
        TestClock streamClock = new TestClock(Instant.parse("2026-05-01T10:00:00Z"));
        AdminAuthService streamAuth = ApiFixture.adminAuth(db, streamClock);
        api = opened.add(new ApiFixture(db, events, streamAuth, new CdrRoutes(cdrs), new CallRoutes(active, PanelCallsIT::dial),
                new EventStreamRoutes(events, streamAuth, streamClock)));
        downloads = Files.createTempDirectory("panel-downloads-");
        browser = opened.add(new PanelBrowser(api.server.port()));
        // Headless Chromium saves downloads only where it is told to.
        browser.driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        browser.openLoginPage();
        browser.logIn();
    }

    @BeforeEach
    void openCallsPage(TestInfo info) {
        testName = info.getTestMethod().orElseThrow().getName();
        browser.openPage("#/dashboard", By.id("health-title"));
        browser.openPage("#/calls", By.id("cdr-filters"));
        browser.waitForText(By.id("cdr-status"), "of " + CALLS);
    }

    @AfterEach
    void noContentSecurityPolicyViolations() {
        assertThat(browser.policyViolations()).as("CSP violations reported by the browser in " + testName).isEmpty();
    }

    @Test
    void historyIsPagedNewestFirst() {
        browser.waitForText(By.id("cdr-status"), "Calls 1–25 of 30");
        assertThat(rows()).hasSize(25);
        assertThat(browser.driver.findElement(By.cssSelector("#cdr tbody tr")).getAttribute("data-call-id"))
                .as("the newest call first").isEqualTo("busy-29");

        browser.driver.findElement(By.id("cdr-next")).click();

        browser.waitForText(By.id("cdr-status"), "Calls 26–30 of 30");
        assertThat(rows()).hasSize(5);
        assertThat(browser.driver.findElement(By.id("cdr-next")).isEnabled()).as("no page after the last").isFalse();
        browser.screenshot(testName);
        browser.driver.findElement(By.id("cdr-previous")).click();
        browser.waitForText(By.id("cdr-status"), "Calls 1–25 of 30");
    }

    @Test
    void historyFiltersByExtensionAndDisposition() {
        browser.type(By.name("extension"), "1003");
        browser.driver.findElement(By.cssSelector("#cdr-filters button[type=submit]")).click();
        browser.waitForText(By.id("cdr-status"), "Calls 1–10 of 10");

        browser.type(By.name("extension"), "1001");
        new Select(browser.driver.findElement(By.name("disposition"))).selectByValue("ANSWERED");
        browser.driver.findElement(By.cssSelector("#cdr-filters button[type=submit]")).click();

        browser.waitForText(By.id("cdr-status"), "Calls 1–20 of 20");
        assertThat(browser.driver.findElements(By.cssSelector("#cdr tbody td.disposition")))
                .allSatisfy(td -> assertThat(td.getText()).isEqualTo("ANSWERED"));
        browser.screenshot(testName);
        browser.type(By.name("extension"), "");
        new Select(browser.driver.findElement(By.name("disposition"))).selectByValue("");
    }

    @Test
    void aDateRangeWithNoCallsShowsNone() {
        browser.driver.executeScript("document.querySelector('#cdr-filters [name=from]').value = '2020-01-01';"
                + "document.querySelector('#cdr-filters [name=to]').value = '2020-01-31';");
        browser.driver.findElement(By.cssSelector("#cdr-filters button[type=submit]")).click();

        browser.waitForText(By.id("cdr-status"), "No calls match.");
        assertThat(rows()).isEmpty();
        browser.driver.executeScript("document.querySelector('#cdr-filters [name=from]').value = '';"
                + "document.querySelector('#cdr-filters [name=to]').value = '';");
    }

    @Test
    void csvDownloadHasTheFilteredCalls() throws IOException {
        new Select(browser.driver.findElement(By.name("disposition"))).selectByValue("BUSY");

        browser.driver.findElement(By.id("cdr-csv")).click();

        Path csv = downloads.resolve("calls.csv");
        await("calls.csv downloaded").atMost(WAIT).until(() -> Files.exists(csv) && Files.size(csv) > 0);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.getFirst()).startsWith("call_id,caller,callee");
        assertThat(lines.subList(1, lines.size())).hasSize(10).allSatisfy(line -> assertThat(line).contains("BUSY"));
        new Select(browser.driver.findElement(By.name("disposition"))).selectByValue("");
    }

    @Test
    void aCallInProgressAppearsLiveAndIsHungUpAfterConfirmation() {
        browser.waitForText(By.id("active-status"), "0 calls in progress");
        Instant now = Instant.now();
        active.add(new CallSnapshot("live-1", "1001", "1002", CallState.ANSWERED, now, Optional.of(now),
                Optional.of("PCMU"), List.of(
                        new LegSnapshot("caller", "live-1", "1001", "127.0.0.1:5070", Optional.of(
                                new LegSnapshot.Media(30000, "127.0.0.1:7000", true, 42, 41))),
                        new LegSnapshot("callee", "live-1b", "1002", "127.0.0.1:5080", Optional.empty()))));
        events.publish(new PbxEvent.CallStarted(now, "live-1", "1001", "1002"));

        browser.waitFor(By.cssSelector("#active-calls tr[data-call-id='live-1']"));
        assertThat(browser.text(By.cssSelector("#active-calls tr[data-call-id='live-1']"))).contains("ANSWERED", "PCMU", "latched");
        browser.screenshot(testName + "-listed");
        browser.driver.findElement(By.cssSelector("button[aria-label='Hang up call from 1001 to 1002']")).click();
        browser.waitFor(By.id("confirm-delete")).click();

        browser.waitForCount(By.cssSelector("#active-calls tr[data-call-id='live-1']"), 0);
        browser.waitForText(By.id("active-notice"), "was hung up");
        assertThat(active.hungUpBy("live-1")).contains("admin:" + ApiFixture.ADMIN);
    }

    @Test
    void theCallFormStartsAClickToDialAndShowsARefusalAtItsField() {
        browser.waitForText(By.id("active-status"), "calls in progress");
        browser.type(By.id("dial-from"), "1001");
        browser.type(By.id("dial-to"), "1002");
        browser.driver.findElement(By.id("dial-auto-answer")).click();
        browser.driver.findElement(By.id("dial-call")).click();

        browser.waitForText(By.id("dial-status"), "Ringing 1001; when it answers, 1002 is called.");
        assertThat(dialled).containsExactly(new ClickToDialRequest("1001", "1002", true, Optional.empty()));
        browser.screenshot(testName + "-dialled");

        browser.type(By.id("dial-from"), "1099");
        browser.driver.findElement(By.id("dial-call")).click();
        browser.waitForText(By.id("dial-from-error"), "no extension 1099");
        assertThat(dialled).hasSize(1);
    }

    /** Click-to-dial as a node answers it: 1099 is no extension, anything else starts. */
    private static String dial(ClickToDialRequest request) {
        if (request.from().equals("1099")) {
            throw new ValidationException("from", "no extension 1099");
        }
        dialled.add(request);
        return "dial-" + dialled.size();
    }

    private static List<?> rows() {
        return new ArrayList<>(browser.driver.findElements(By.cssSelector("#cdr tbody tr")));
    }
}
