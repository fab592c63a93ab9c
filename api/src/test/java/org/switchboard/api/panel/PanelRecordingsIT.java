package org.switchboard.api.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.api.recording.RecordingRoutes;
import org.switchboard.media.dsp.PcmAudio;
import org.switchboard.media.dsp.WavFile;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.recording.RecordingService;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.recording.CallRecording;
import org.switchboard.store.recording.JdbiRecordingStore;
import org.switchboard.store.recording.NewCallRecording;
import org.switchboard.store.recording.RecordingQuery;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;
import org.switchboard.store.testkit.Teardown;

/**
 * The panel's recordings page in headless Chromium against a real server over SQLite: a stored stereo recording is
 * listed and plays (Chromium decodes its WAV), its legal hold is set from the page, and it is deleted after a
 * confirmation, file and row.
 */
class PanelRecordingsIT {
    @AutoClose
    private static final Teardown opened = new Teardown();
    @TempDir
    static Path folder;
    private static RecordingService recordings;
    private static PanelBrowser browser;

    @BeforeAll
    static void start() throws IOException {
        TestDatabase db = opened.add(TestDatabases.sqlite());
        EventBus events = new EventBus();
        ExtensionService extensions = new ExtensionService(new JdbiExtensionStore(db.database()), ApiFixture.REALM,
                new Argon2PasswordHasher(256, 1, 1), Clock.systemUTC(), events);
        recordings = new RecordingService(new JdbiRecordingStore(db.database()), extensions, folder, Clock.systemUTC(),
                events);
        ApiFixture api = opened.add(new ApiFixture(db, new RecordingRoutes(recordings,
                (id, on) -> CompletableFuture.completedFuture(Optional.empty()))));
        browser = opened.add(new PanelBrowser(api.server.port()));
    }

    @AfterEach
    void noContentSecurityPolicyViolations() {
        assertThat(browser.policyViolations()).as("CSP violations reported by the browser").isEmpty();
    }

    @Test
    void aRecordingIsListedPlayedHeldAndDeleted() throws Exception {
        Files.write(folder.resolve("rec.wav"), WavFile.write(new PcmAudio(8000, 2, new short[2 * 4000])));
        CallRecording stored = recordings.stored(new NewCallRecording("call-42@pbx", "1001",
                Instant.parse("2026-05-01T09:30:00Z"), 1, "rec.wav"));
        browser.openLoginPage();
        browser.logIn();

        browser.openPage("#/recordings", By.id("recordings"));
        browser.waitForText(By.id("recordings-status"), "1 recordings");
        assertThat(browser.text(By.cssSelector("#recordings tbody tr[data-id='" + stored.id() + "']")))
                .contains("call-42@pbx", "1001", "1 s");

        browser.waitFor(By.cssSelector("button[aria-label='Play the recording of call call-42@pbx']")).click();
        WebElement player = browser.waitFor(By.cssSelector("audio[aria-label='Recording " + stored.id() + "']"));
        assertThat(player.getDomAttribute("src")).startsWith("blob:");
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> ((Number) ((JavascriptExecutor) d)
                .executeScript("return arguments[0].readyState", player)).intValue() >= 1);
        double seconds = ((Number) ((JavascriptExecutor) browser.driver)
                .executeScript("return arguments[0].duration", player)).doubleValue();
        assertThat(seconds).isBetween(0.45, 0.55);
        browser.screenshot("recordingsListed");

        browser.waitFor(By.cssSelector("input[aria-label='Legal hold on the recording of call call-42@pbx']")).click();
        browser.waitForText(By.id("recordings-status"), "is on legal hold");
        assertThat(recordings.get(stored.id()).legalHold()).isTrue();
        browser.waitFor(By.cssSelector("input[aria-label='Legal hold on the recording of call call-42@pbx']")).click();
        browser.waitForText(By.id("recordings-status"), "is off legal hold");

        browser.waitFor(By.cssSelector("button[aria-label='Delete the recording of call call-42@pbx']")).click();
        browser.waitFor(By.id("confirm-delete")).click();
        browser.waitForText(By.id("recordings-status"), "No recording.");
        await().until(() -> recordings.list(RecordingQuery.ALL).isEmpty());
        assertThat(folder.resolve("rec.wav")).doesNotExist();
    }
}
