package org.switchboard.pbx.voicemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.dsp.PcmAudio;
import org.switchboard.media.dsp.WavFile;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.routing.Destination;
import org.switchboard.pbx.routing.ForwardReason;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.testkit.TestClock;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;
import org.switchboard.store.voicemail.BoxSettings;
import org.switchboard.store.voicemail.GreetingKind;
import org.switchboard.store.voicemail.JdbiVoicemailStore;
import org.switchboard.store.voicemail.MessageCounts;
import org.switchboard.store.voicemail.NewMessage;
import org.switchboard.store.voicemail.StoredBox;
import org.switchboard.store.voicemail.StoredMessage;
import org.switchboard.store.voicemail.VoicemailStore;

class VoicemailServiceTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07Z");
    private static final byte[] WAV = WavFile.write(new PcmAudio(8000, 1, new short[800]));

    @TempDir
    Path dataDir;
    private TestDatabase db;
    private final TestClock clock = new TestClock(T0);
    private final RecordingListener listener = new RecordingListener();
    private final AtomicReference<Path> fileAtInsert = new AtomicReference<>();
    private ExtensionService extensions;
    private VoicemailService service;

    @BeforeEach
    void open() {
        db = TestDatabases.sqlite();
        extensions = new ExtensionService(new JdbiExtensionStore(db.database()), "pbx.test",
                new Argon2PasswordHasher(256, 1, 1), clock, new EventBus());
        extensions.create(new ExtensionInput("1001", "Alice", "password-1001", "alice@example.com", null, false, true), "test");
        extensions.create(new ExtensionInput("1002", "Bob", "password-1002", null, "2468", false, true), "test");
        service = new VoicemailService(new InsertWatchingStore(new JdbiVoicemailStore(db.database())), extensions,
                dataDir.resolve("voicemail"), new VoicemailSettings(3, Duration.ofMinutes(5)), clock, List.of(listener));
        service.reloadCache();
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** The real store, noting what the message's audio file held when its row was inserted. */
    private final class InsertWatchingStore implements VoicemailStore {
        private final VoicemailStore real;

        InsertWatchingStore(VoicemailStore real) {
            this.real = real;
        }

        @Override
        public StoredMessage addMessage(NewMessage message, Instant now) {
            fileAtInsert.set(dataDir.resolve("voicemail").resolve(Long.toString(message.extensionId()))
                    .resolve(message.audioFile()));
            assertThat(fileAtInsert.get()).as("audio on disk before its row").hasBinaryContent(WAV);
            return real.addMessage(message, now);
        }

        // Everything else goes straight to the real store.
        @Override public Optional<StoredBox> findBox(long id) { return real.findBox(id); }
        @Override public List<StoredBox> boxes() { return real.boxes(); }
        @Override public StoredBox saveSettings(long id, BoxSettings s, Instant now) { return real.saveSettings(id, s, now); }
        @Override public StoredBox pinFailed(long id, int max, Instant until, Instant now) { return real.pinFailed(id, max, until, now); }
        @Override public void pinAccepted(long id, Instant now) { real.pinAccepted(id, now); }
        @Override public Optional<String> setGreeting(long id, GreetingKind k, String f, Instant now) { return real.setGreeting(id, k, f, now); }
        @Override public List<StoredMessage> messages(long id, String folder) { return real.messages(id, folder); }
        @Override public Optional<StoredMessage> message(long id, long message) { return real.message(id, message); }
        @Override public boolean moveMessage(long id, long message, String folder, Instant now) { return real.moveMessage(id, message, folder, now); }
        @Override public Optional<StoredMessage> deleteMessage(long id, long message) { return real.deleteMessage(id, message); }
        @Override public MessageCounts counts(long id) { return real.counts(id); }
        @Override public Map<Long, Set<String>> filesInUse() { return real.filesInUse(); }
    }

    /** What listeners were told, in order. */
    private static final class RecordingListener implements MailboxListener {
        final List<Object> calls = new ArrayList<>();

        @Override
        public synchronized void changed(MailboxCounts counts) {
            calls.add(counts);
        }

        @Override
        public synchronized void deposited(VoicemailBox box, VoicemailMessage message, Path audio) {
            calls.add(message.id() + " in " + box.number() + " at " + audio.getFileName());
        }
    }

    private VoicemailMessage leave(String box, Instant at) throws IOException {
        Path recording = service.newRecording(box);
        Files.write(recording, WAV);
        return service.deposit(box, recording, "1002", "Bob", at, Duration.ofMillis(3_500));
    }

    @Test
    void everyExtensionHasABoxWithDefaultsAndItsOwnAddress() {
        assertThat(service.box("1001")).hasValue(new VoicemailBox("1001", true, Optional.of("alice@example.com"),
                Duration.ofSeconds(180), true));
        assertThat(service.box("1002")).hasValueSatisfying(b -> {
            assertThat(b.email()).isEmpty();
            assertThat(b.ownPhoneSkipsPin()).as("a PIN is set").isFalse();
        });
        assertThat(service.box("1009")).isEmpty();
        assertThat(service.counts("1001")).isEqualTo(new MailboxCounts("1001", 0, 0));
    }

    @Test
    void aDepositWritesTheRowAfterTheAudioAndTellsTheListeners() throws IOException {
        VoicemailMessage message = leave("1001", T0);

        assertThat(fileAtInsert.get()).isNotNull();
        assertThat(message).extracting(VoicemailMessage::box, VoicemailMessage::callerNumber, VoicemailMessage::callerName,
                        VoicemailMessage::receivedAt, VoicemailMessage::duration, VoicemailMessage::folder)
                .containsExactly("1001", "1002", "Bob", T0, Duration.ofMillis(3_500), Folder.NEW);
        assertThat(service.messages("1001", Folder.NEW)).containsExactly(message);
        assertThat(service.audio("1001", message.id())).contains(fileAtInsert.get());
        assertThat(service.audio("1002", message.id())).as("not a message of that box").isEmpty();
        assertThat(listener.calls).containsExactly(
                message.id() + " in 1001 at " + fileAtInsert.get().getFileName(), new MailboxCounts("1001", 1, 0));
    }

    @Test
    void aDepositRefusesAFileOutsideTheBoxAndDropsTheAudioOfAVanishedBox() throws IOException {
        Path elsewhere = Files.write(dataDir.resolve("x.wav"), WAV);
        Path otherBox = service.newRecording("1002");
        Files.write(otherBox, WAV);
        assertThatThrownBy(() -> service.deposit("1001", elsewhere, "1002", "", T0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.deposit("1001", otherBox, "1002", "", T0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);

        Path recording = service.newRecording("1001");
        Files.write(recording, WAV);
        extensions.delete("1001", "test");
        assertThatThrownBy(() -> service.deposit("1001", recording, "1002", "", T0, Duration.ZERO))
                .isInstanceOf(NotFoundException.class);
        assertThat(listener.calls).isEmpty();
    }

    @Test
    void movingAndDeletingChangeTheCountsAndDeletingRemovesTheFile() throws IOException {
        VoicemailMessage first = leave("1001", T0);
        VoicemailMessage second = leave("1001", T0.plusSeconds(5));
        Path audio = service.audio("1001", first.id()).orElseThrow();
        listener.calls.clear();

        assertThat(service.move("1001", first.id(), Folder.OLD)).isTrue();
        assertThat(service.move("1001", 999, Folder.OLD)).isFalse();
        assertThat(service.messages("1001", Folder.OLD)).extracting(VoicemailMessage::id).containsExactly(first.id());
        assertThat(service.delete("1001", first.id())).isTrue();
        assertThat(service.delete("1001", first.id())).isFalse();

        assertThat(audio).doesNotExist();
        assertThat(service.allMessages("1001")).extracting(VoicemailMessage::id).containsExactly(second.id());
        assertThat(listener.calls).containsExactly(new MailboxCounts("1001", 1, 1), new MailboxCounts("1001", 1, 0));
    }

    @Test
    void wrongPinsLockTheBoxUntilTheLockOutEnds() {
        assertThat(service.checkPin("1002", "2468")).isEqualTo(PinCheck.ACCEPTED);
        assertThat(service.checkPin("1002", "1111")).isEqualTo(PinCheck.WRONG);
        assertThat(service.checkPin("1002", "2222")).isEqualTo(PinCheck.WRONG);
        assertThat(service.checkPin("1002", "3333")).as("third wrong PIN locks").isEqualTo(PinCheck.LOCKED);
        assertThat(service.checkPin("1002", "2468")).as("even the right PIN while locked").isEqualTo(PinCheck.LOCKED);
        assertThat(service.details("1002").lockedUntil()).contains(T0.plus(Duration.ofMinutes(5)));

        clock.advance(Duration.ofMinutes(5));

        assertThat(service.checkPin("1002", "2468")).isEqualTo(PinCheck.ACCEPTED);
        assertThat(service.checkPin("1002", "1111")).as("the count started again").isEqualTo(PinCheck.WRONG);
    }

    @Test
    void aBoxWithoutAPinOpensOnlyFromItsOwnPhoneUntilOneIsSet() {
        assertThat(service.box("1001").orElseThrow().ownPhoneSkipsPin()).isTrue();
        assertThat(service.checkPin("1001", "0000")).isEqualTo(PinCheck.WRONG);
        assertThatThrownBy(() -> service.changePin("1001", "12a4")).isInstanceOf(IllegalArgumentException.class);

        service.changePin("1001", "97531");

        assertThat(service.box("1001").orElseThrow().ownPhoneSkipsPin()).isFalse();
        assertThat(service.checkPin("1001", "97531")).isEqualTo(PinCheck.ACCEPTED);
        assertThat(service.details("1001").pinSet()).isTrue();
    }

    @Test
    void anUpdateWithABadPinSavesNothingAndAGoodOneEndsALockOut() {
        BoxSettings off = new BoxSettings(false, false, 60, true);
        assertThatThrownBy(() -> service.update("1002", off, Optional.of("12"), "admin"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("pin"));
        assertThat(service.details("1002").settings()).isEqualTo(BoxSettings.DEFAULTS);
        for (int i = 0; i < 3; i++) {
            service.checkPin("1002", "0000");
        }

        VoicemailBoxDetails saved = service.update("1002", off, Optional.of("8642"), "admin");

        assertThat(saved.settings()).isEqualTo(off);
        assertThat(saved.lockedUntil()).isEmpty();
        assertThat(service.checkPin("1002", "8642")).isEqualTo(PinCheck.ACCEPTED);
    }

    @Test
    void theLastResortSendsCallsToEnabledBoxesOnly() {
        assertThat(service.lastResort().forExtension("1001", ForwardReason.BUSY))
                .contains(new Destination("voicemail", "1001"));
        assertThat(service.lastResort().forExtension("1009", ForwardReason.NO_ANSWER)).isEmpty();

        service.update("1001", new BoxSettings(false, true, 180, false), Optional.empty(), "admin");

        assertThat(service.lastResort().forExtension("1001", ForwardReason.UNREGISTERED)).isEmpty();
        assertThat(service.lastResort().forExtension("1002", ForwardReason.DO_NOT_DISTURB)).isPresent();
    }

    @Test
    void aGreetingMustBeMonoNarrowOrWideBandWavAndReplacesThePreviousFile() {
        assertThat(problem(new byte[0])).contains("empty");
        assertThat(problem("not audio at all".getBytes())).contains("not a readable WAV");
        assertThat(problem(WavFile.write(new PcmAudio(44100, 1, new short[100])))).contains("44100 Hz");
        assertThat(problem(WavFile.write(new PcmAudio(8000, 2, new short[100])))).contains("2 channels");

        service.saveGreeting("1001", Greeting.BUSY, WAV);
        Path first = service.greeting("1001", Greeting.BUSY).orElseThrow();
        byte[] wide = WavFile.write(new PcmAudio(16000, 1, new short[1600]));
        service.saveGreeting("1001", Greeting.BUSY, wide);

        assertThat(first).doesNotExist();
        assertThat(service.greeting("1001", Greeting.BUSY)).hasValueSatisfying(p -> assertThat(p).hasBinaryContent(wide));
        assertThat(service.greeting("1001", Greeting.UNAVAILABLE)).isEmpty();
        assertThat(service.details("1001").greetings()).containsExactly(Greeting.BUSY);
    }

    private String problem(byte[] wav) {
        try {
            service.saveGreeting("1001", Greeting.NAME, wav);
            throw new AssertionError("accepted");
        } catch (ValidationException e) {
            assertThat(e.field()).isEqualTo("audio");
            return e.getMessage();
        }
    }

    @Test
    void theStartSweepRemovesAudioWithoutARowAndTheFoldersOfDeletedExtensions() throws IOException {
        VoicemailMessage kept = leave("1001", T0);
        service.saveGreeting("1001", Greeting.NAME, WAV);
        Path crashed = Files.write(service.newRecording("1001"), WAV);
        Path bobs = Files.write(service.newRecording("1002"), WAV);
        extensions.delete("1002", "test");

        assertThat(service.sweepFiles(false)).as("while running: only deleted extensions' folders").isEqualTo(1);
        assertThat(bobs.getParent()).doesNotExist();
        assertThat(crashed).exists();
        assertThat(service.sweepFiles(true)).isEqualTo(1);

        assertThat(crashed).doesNotExist();
        assertThat(service.audio("1001", kept.id()).orElseThrow()).exists();
        assertThat(service.greeting("1001", Greeting.NAME).orElseThrow()).exists();
    }
}
