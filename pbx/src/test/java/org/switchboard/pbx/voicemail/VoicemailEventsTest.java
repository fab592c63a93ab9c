package org.switchboard.pbx.voicemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.dsp.PcmAudio;
import org.switchboard.media.dsp.WavFile;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.testkit.TestClock;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;
import org.switchboard.store.voicemail.JdbiVoicemailStore;

/** A message left through the real voicemail service is announced on the bus as VoicemailLeft, after its commit. */
class VoicemailEventsTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07Z");

    @TempDir
    Path dataDir;
    private final TestDatabase db = TestDatabases.sqlite();
    private final EventBus events = new EventBus();

    @AfterEach
    void close() {
        events.close();
        db.close();
    }

    @Test
    void aDepositedMessageIsPublishedWithItsBoxIdCallerAndDuration() throws Exception {
        TestClock clock = new TestClock(T0);
        ExtensionService extensions = new ExtensionService(new JdbiExtensionStore(db.database()), "pbx.test",
                new Argon2PasswordHasher(256, 1, 1), clock, new EventBus());
        extensions.create(new ExtensionInput("1001", "Alice", "password-1001", null, null, false, true), "test");
        VoicemailService service = new VoicemailService(new JdbiVoicemailStore(db.database()), extensions,
                dataDir.resolve("voicemail"), new VoicemailSettings(3, Duration.ofMinutes(5)), clock,
                List.of(new VoicemailEvents(events)));
        service.reloadCache();
        List<PbxEvent> seen = new CopyOnWriteArrayList<>();
        events.subscribe("test", EventBus.Delivery.LOSSLESS, 16, seen::add);
        Path recording = service.newRecording("1001");
        Files.write(recording, WavFile.write(new PcmAudio(8000, 1, new short[800])));

        VoicemailMessage message = service.deposit("1001", recording, "1002", "Bob", T0, Duration.ofMillis(3_500));

        await().atMost(Duration.ofSeconds(5)).until(() -> !seen.isEmpty());
        assertThat(seen).containsExactly(new PbxEvent.VoicemailLeft(T0, "1001", message.id(), "1002", "Bob",
                Duration.ofMillis(3_500)));
        assertThat(service.message("1001", message.id())).as("committed before it was announced").isPresent();
    }
}
