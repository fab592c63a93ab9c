package org.switchboard.api.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.switchboard.api.callsettings.CallSettingsRoutes;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.api.moh.MohRoutes;
import org.switchboard.media.dsp.PcmAudio;
import org.switchboard.media.dsp.ToneGenerator;
import org.switchboard.media.dsp.WavFile;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.callsettings.CallSettingsService;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.moh.MohService;
import org.switchboard.pbx.routing.DialPlanService;
import org.switchboard.store.callsettings.JdbiCallSettingsStore;
import org.switchboard.store.dialplan.JdbiDialPlanRuleStore;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.moh.JdbiMohStore;
import org.switchboard.store.moh.MohFile;
import org.switchboard.store.moh.NewMohClass;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;
import org.switchboard.store.testkit.Teardown;

/**
 * The panel's music-on-hold page in headless Chromium against a real server over SQLite: an admin adds a
 * class, uploads a WAV file into it (a stereo one is refused next to the file field), gives it to an
 * extension, finds both again after logging in anew, cannot delete it while the extension uses it, and
 * deletes it after giving the extension the default class back.
 */
class PanelMohIT {
    @TempDir
    static Path dir;

    @AutoClose
    private static final Teardown opened = new Teardown();
    private static MohService moh;
    private static CallSettingsService settings;
    private static PanelBrowser browser;

    @BeforeAll
    static void start() throws IOException {
        TestDatabase db = opened.add(TestDatabases.sqlite());
        ExtensionService extensions = new ExtensionService(new JdbiExtensionStore(db.database()), ApiFixture.REALM,
                new Argon2PasswordHasher(256, 1, 1), Clock.systemUTC(), new EventBus());
        extensions.create(new ExtensionInput("1001", "Alice", "password-1001", null, null, false, true), "test");
        settings = new CallSettingsService(new JdbiCallSettingsStore(db.database()), extensions,
                new DialPlanService(new JdbiDialPlanRuleStore(db.database()), extensions, Clock.systemUTC(), new EventBus()),
                Clock.systemUTC(), new EventBus());
        moh = new MohService(new JdbiMohStore(db.database()), dir.resolve("data/moh"), settings::current,
                new EventBus(), Clock.systemUTC(), new SimpleMeterRegistry());
        moh.create(new NewMohClass("default", "Switchboard's tune", null), "test");
        ApiFixture api = opened.add(new ApiFixture(db, new MohRoutes(moh), new CallSettingsRoutes(settings)));
        browser = opened.add(new PanelBrowser(api.server.port()));
    }

    @AfterEach
    void noContentSecurityPolicyViolations() {
        assertThat(browser.policyViolations()).as("CSP violations reported by the browser").isEmpty();
    }

    private static Path wav(String name, int channels) throws IOException {
        short[] mono = new ToneGenerator(600, 0.3, 8000).next(8000);
        short[] all = new short[mono.length * channels];
        for (int i = 0; i < all.length; i++) {
            all[i] = mono[i / channels];
        }
        return Files.write(dir.resolve(name), WavFile.write(new PcmAudio(8000, channels, all)));
    }

    @Test
    void anAdminAddsAClassUploadsMusicAndFindsItAgainAfterLoggingIn() throws IOException {
        browser.openLoginPage();
        browser.logIn();
        browser.openPage("#/moh", By.cssSelector("#moh-classes tr[data-name='default']"));

        browser.type(By.cssSelector("#moh-class-form [name=name]"), "jazz");
        browser.type(By.cssSelector("#moh-class-form [name=description]"), "Smooth");
        browser.waitFor(By.cssSelector("#moh-class-form button[type=submit]")).click();
        browser.waitForText(By.id("moh-files-title"), "Files of jazz");

        browser.waitFor(By.cssSelector("#moh-upload-form [name=body]")).sendKeys(wav("stereo.wav", 2).toString());
        browser.waitFor(By.cssSelector("#moh-upload-form button[type=submit]")).click();
        browser.waitForText(By.id("f-body-error"), "mono");

        browser.waitFor(By.cssSelector("#moh-upload-form [name=body]")).sendKeys(wav("intro.wav", 1).toString());
        browser.waitFor(By.cssSelector("#moh-upload-form button[type=submit]")).click();
        browser.waitFor(By.cssSelector("#moh-file-list tr[data-file='intro.wav']"));
        assertThat(browser.text(By.cssSelector("#moh-file-list tr[data-file='intro.wav']"))).contains("1.0 s");
        assertThat(moh.files("jazz")).extracting(MohFile::fileName).containsExactly("intro.wav");
        browser.screenshot("mohClassWithFile");

        browser.type(By.cssSelector("#moh-choice-form [name=extension]"), "1999");
        browser.waitFor(By.cssSelector("#moh-choice-form button[type=submit]")).click();
        browser.waitForText(By.id("f-extension-error"), "No such extension");
        browser.type(By.cssSelector("#moh-choice-form [name=extension]"), "1001");
        new Select(browser.waitFor(By.cssSelector("#moh-choice-form [name=moh_class]"))).selectByVisibleText("jazz");
        browser.waitFor(By.cssSelector("#moh-choice-form button[type=submit]")).click();
        browser.waitForText(By.id("moh-status"), "Extension 1001 now uses class jazz.");
        assertThat(settings.get("1001").values().mohClass()).isEqualTo("jazz");

        browser.openLoginPage();
        browser.logIn();
        browser.openPage("#/moh", By.cssSelector("#moh-classes tr[data-name='jazz']"));
        assertThat(browser.text(By.cssSelector("#moh-classes tr[data-name='jazz']"))).contains("Smooth", "In upload order");
        browser.waitFor(By.cssSelector("button[aria-label='Files of class jazz']")).click();
        browser.waitFor(By.cssSelector("#moh-file-list tr[data-file='intro.wav']"));

        browser.waitFor(By.cssSelector("button[aria-label='Delete class jazz']")).click();
        browser.waitFor(By.id("confirm-delete")).click();
        browser.waitForText(By.cssSelector("p.alert[role=alert]"), "used by extension 1001");
        assertThat(moh.list()).extracting(c -> c.name()).contains("jazz");

        browser.type(By.cssSelector("#moh-choice-form [name=extension]"), "1001");
        new Select(browser.waitFor(By.cssSelector("#moh-choice-form [name=moh_class]"))).selectByVisibleText("default");
        browser.waitFor(By.cssSelector("#moh-choice-form button[type=submit]")).click();
        browser.waitForText(By.id("moh-status"), "Extension 1001 now uses class default.");
        browser.waitFor(By.cssSelector("button[aria-label='Delete class jazz']")).click();
        browser.waitFor(By.id("confirm-delete")).click();
        browser.waitForText(By.id("moh-status"), "Class jazz deleted.");
        assertThat(moh.list()).extracting(c -> c.name()).containsExactly("default");
        assertThat(dir.resolve("data/moh/jazz")).doesNotExist();
    }
}
