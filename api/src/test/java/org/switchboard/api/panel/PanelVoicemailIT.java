package org.switchboard.api.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.api.voicemail.VoicemailRoutes;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.voicemail.Folder;
import org.switchboard.pbx.voicemail.PinCheck;
import org.switchboard.pbx.voicemail.VoicemailMessage;
import org.switchboard.pbx.voicemail.VoicemailService;
import org.switchboard.pbx.voicemail.VoicemailSettings;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;
import org.switchboard.store.testkit.Teardown;
import org.switchboard.store.voicemail.JdbiVoicemailStore;

/**
 * The panel's voicemail page in headless Chromium against a real server over SQLite: a box's
 * messages are listed and played from their WAV, marked heard and deleted (the file goes too), and
 * the box's settings and PIN are saved, a bad PIN shown beside its field.
 */
class PanelVoicemailIT {
    private static final byte[] HALF_SECOND = AudioClip.tone(440, 0.3, Duration.ofMillis(500)).toWav();

    @AutoClose
    private static final Teardown opened = new Teardown();
    private static VoicemailService voicemail;
    private static PanelBrowser browser;

    @BeforeAll
    static void start() throws IOException {
        TestDatabase db = opened.add(TestDatabases.sqlite());
        Path dataDir = Files.createTempDirectory("panel-voicemail-");
        ExtensionService extensions = new ExtensionService(new JdbiExtensionStore(db.database()), ApiFixture.REALM,
                new Argon2PasswordHasher(256, 1, 1), Clock.systemUTC(), new EventBus());
        extensions.create(new ExtensionInput("1001", "Alice", "password-1001", "alice@example.com", null, false, true), "test");
        voicemail = new VoicemailService(new JdbiVoicemailStore(db.database()), extensions, dataDir.resolve("voicemail"),
                VoicemailSettings.DEFAULTS, Clock.systemUTC(), List.of());
        voicemail.reloadCache();
        ApiFixture api = opened.add(new ApiFixture(db, new VoicemailRoutes(voicemail)));
        browser = opened.add(new PanelBrowser(api.server.port()));
    }

    @AfterEach
    void noContentSecurityPolicyViolations() {
        assertThat(browser.policyViolations()).as("CSP violations reported by the browser").isEmpty();
    }

    private static VoicemailMessage leave(String caller, String name, Instant at) throws IOException {
        Path recording = voicemail.newRecording("1001");
        Files.write(recording, HALF_SECOND);
        return voicemail.deposit("1001", recording, caller, name, at, Duration.ofMillis(500));
    }

    @Test
    void messagesArePlayedMarkedHeardAndDeletedAndTheBoxSettingsSaved() throws IOException {
        VoicemailMessage first = leave("1002", "Bob", Instant.parse("2026-05-01T09:00:00Z"));
        VoicemailMessage second = leave("+4930123456", "", Instant.parse("2026-05-01T10:00:00Z"));
        Path secondAudio = voicemail.audio("1001", second.id()).orElseThrow();
        browser.openLoginPage();
        browser.logIn();

        browser.openPage("#/voicemail", By.id("voicemail-messages"));
        browser.waitForText(By.id("voicemail-status"), "2 messages for 1001, 2 new");
        assertThat(browser.text(By.cssSelector("#voicemail-messages tbody tr[data-id='" + first.id() + "']")))
                .contains("Bob (1002)", "0.5 s", "new");

        browser.waitFor(By.cssSelector("button[aria-label='Play the message from Bob (1002)']")).click();
        WebElement player = browser.waitFor(By.cssSelector("audio[aria-label='Message from Bob (1002)']"));
        assertThat(player.getDomAttribute("src")).startsWith("blob:");
        // Chromium decoded the WAV: its length is known once the metadata loaded.
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> ((Number) ((JavascriptExecutor) d)
                .executeScript("return arguments[0].readyState", player)).intValue() >= 1);
        double seconds = ((Number) ((JavascriptExecutor) browser.driver).executeScript("return arguments[0].duration", player))
                .doubleValue();
        assertThat(seconds).isBetween(0.45, 0.55);
        browser.screenshot("voicemailListed");

        browser.waitFor(By.cssSelector("button[aria-label='Mark the message from Bob (1002) as heard']")).click();
        browser.waitForText(By.id("voicemail-status"), "2 messages for 1001, 1 new");
        assertThat(voicemail.messages("1001", Folder.OLD)).extracting(VoicemailMessage::id).containsExactly(first.id());

        browser.waitFor(By.cssSelector("button[aria-label='Delete the message from +4930123456']")).click();
        browser.waitFor(By.id("confirm-delete")).click();
        browser.waitForText(By.id("voicemail-status"), "1 message for 1001, 0 new");
        assertThat(voicemail.allMessages("1001")).extracting(VoicemailMessage::id).containsExactly(first.id());
        assertThat(secondAudio).doesNotExist();

        browser.type(By.name("pin"), "12");
        browser.waitFor(By.cssSelector("#voicemail-form button[type=submit]")).click();
        browser.waitForText(By.id("f-pin-error"), "4 to 10 digits");
        browser.type(By.name("pin"), "4321");
        browser.waitFor(By.name("enabled")).click();
        browser.waitFor(By.cssSelector("#voicemail-form button[type=submit]")).click();
        browser.waitForText(By.id("voicemail-status"), "Box of 1001 saved.");

        assertThat(voicemail.checkPin("1001", "4321")).isEqualTo(PinCheck.ACCEPTED);
        assertThat(voicemail.box("1001")).map(b -> b.enabled()).isEqualTo(Optional.of(false));
        assertThat(voicemail.lastResort().isEnabled("1001")).isFalse();
        assertThat(browser.text(By.id("voicemail-form"))).contains("A PIN is set");
    }
}
