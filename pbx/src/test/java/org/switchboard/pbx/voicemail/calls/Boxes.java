package org.switchboard.pbx.voicemail.calls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.switchboard.media.dsp.PcmAudio;
import org.switchboard.media.dsp.ToneGenerator;
import org.switchboard.media.dsp.WavFile;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.voicemail.VoicemailMessage;
import org.switchboard.pbx.voicemail.VoicemailService;
import org.switchboard.pbx.voicemail.VoicemailSettings;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.testkit.TestClock;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;
import org.switchboard.store.voicemail.JdbiVoicemailStore;

/**
 * Real voicemail boxes for the call tests: the voicemail service on a SQLite file with its audio
 * under {@code dataDir}, extension 1001 (Alice, no PIN: her own phone opens her box) and 1002 (Bob,
 * PIN 2468). Test thread only.
 */
final class Boxes implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-12-07T18:30:00Z");
    static final String BOB_PIN = "2468";

    final TestClock clock = new TestClock(T0);
    final VoicemailService voicemail;
    final Path folder;
    private final TestDatabase db;

    /** @param settings how many wrong PINs lock a box, and for how long */
    Boxes(Path dataDir, VoicemailSettings settings) {
        db = TestDatabases.sqlite();
        ExtensionService extensions = new ExtensionService(new JdbiExtensionStore(db.database()), "pbx.test",
                new Argon2PasswordHasher(256, 1, 1), clock, new EventBus());
        extensions.create(new ExtensionInput("1001", "Alice", "password-1001", null, null, false, true), "test");
        extensions.create(new ExtensionInput("1002", "Bob", "password-1002", null, BOB_PIN, false, true), "test");
        folder = dataDir.resolve("voicemail");
        voicemail = new VoicemailService(new JdbiVoicemailStore(db.database()), extensions, folder, settings, clock,
                List.of());
        voicemail.reloadCache();
    }

    /** A message of {@code seconds} of {@code toneHz} left in {@code box} by {@code caller}, as a deposit stores it. */
    VoicemailMessage leave(String box, String caller, double toneHz, int seconds) {
        Path file = voicemail.newRecording(box);
        write(file, tone(toneHz, seconds));
        return voicemail.deposit(box, file, caller, "Caller " + caller, clock.instant(), Duration.ofSeconds(seconds));
    }

    /** {@code seconds} of a tone at 8 kHz, a third of full scale. */
    static short[] tone(double hz, double seconds) {
        return new ToneGenerator(hz, 0.3, 8000).next((int) (seconds * 8000));
    }

    /** The files under the voicemail folder (audio of messages and greetings, recordings under way). */
    List<Path> audioFiles() {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code samples} as an 8 kHz mono WAV file. */
    static byte[] wav(short[] samples) {
        return WavFile.write(new PcmAudio(8000, 1, samples));
    }

    private static void write(Path file, short[] samples) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, wav(samples));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
