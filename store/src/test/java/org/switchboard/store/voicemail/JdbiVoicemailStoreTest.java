package org.switchboard.store.voicemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.extension.Extension;
import org.switchboard.store.extension.ExtensionUpdate;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.extension.NewExtension;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class JdbiVoicemailStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final String MD5 = "0123456789abcdef0123456789abcdef";
    private static final BoxSettings QUIET = new BoxSettings(false, false, 60, true);

    private static Extension extension(Database database, String number) {
        return new JdbiExtensionStore(database).create(
                new NewExtension(number, "Ext " + number, null, MD5, MD5 + MD5, "pbx.test", null, false, true, null), T0);
    }

    private static NewMessage message(long extensionId, String file, Instant at) {
        return new NewMessage(extensionId, "1002", "Bob", at, 4_250, file);
    }

    @BothEngines
    void aBoxWithoutARowHasNoneAndSavedSettingsLoad(TestDatabase db) {
        long ext = extension(db.database(), "1001").id();
        JdbiVoicemailStore store = new JdbiVoicemailStore(db.database());
        assertThat(store.findBox(ext)).isEmpty();

        StoredBox saved = store.saveSettings(ext, QUIET, T0);

        assertThat(store.findBox(ext)).contains(saved);
        assertThat(saved.settings()).isEqualTo(QUIET);
        assertThat(saved.createdAt()).isEqualTo(T0);
        assertThat(saved.failedPinCount()).isZero();
        assertThat(saved.lockedUntil()).isNull();
        StoredBox again = store.saveSettings(ext, BoxSettings.DEFAULTS, T1);
        assertThat(again.settings()).isEqualTo(BoxSettings.DEFAULTS);
        assertThat(again.createdAt()).as("kept on replace").isEqualTo(T0);
        assertThat(again.updatedAt()).isEqualTo(T1);
        assertThat(store.boxes()).containsExactly(again);
    }

    @BothEngines
    void anUnknownExtensionIsNotFound(TestDatabase db) {
        JdbiVoicemailStore store = new JdbiVoicemailStore(db.database());

        assertThatThrownBy(() -> store.saveSettings(999, QUIET, T0)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.addMessage(message(999, "a.wav", T0), T0)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.pinFailed(999, 5, T1, T0)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.setGreeting(999, GreetingKind.BUSY, "g.wav", T0)).isInstanceOf(NotFoundException.class);
    }

    @BothEngines
    void wrongPinsLockAfterTheLimitAndARightOneStartsAgain(TestDatabase db) {
        long ext = extension(db.database(), "1001").id();
        JdbiVoicemailStore store = new JdbiVoicemailStore(db.database());
        Instant until = T0.plusSeconds(300);

        assertThat(store.pinFailed(ext, 3, until, T0).failedPinCount()).isEqualTo(1);
        store.pinAccepted(ext, T0);
        assertThat(store.findBox(ext).orElseThrow().failedPinCount()).as("reset by a right PIN").isZero();
        store.pinFailed(ext, 3, until, T0);
        assertThat(store.pinFailed(ext, 3, until, T0).lockedAt(T0)).isFalse();
        StoredBox locked = store.pinFailed(ext, 3, until, T0);

        assertThat(locked.lockedUntil()).isEqualTo(until);
        assertThat(locked.lockedAt(T0)).isTrue();
        assertThat(locked.lockedAt(until)).isFalse();
        assertThat(locked.failedPinCount()).as("counting starts again").isZero();
        store.pinAccepted(ext, T1);
        assertThat(store.findBox(ext).orElseThrow().lockedUntil()).isNull();
    }

    @BothEngines
    void messagesAreListedOldestFirstMovedCountedAndDeleted(TestDatabase db) {
        long ext = extension(db.database(), "1001").id();
        long other = extension(db.database(), "1002").id();
        JdbiVoicemailStore store = new JdbiVoicemailStore(db.database());
        StoredMessage later = store.addMessage(message(ext, "b.wav", T1), T1);
        StoredMessage first = store.addMessage(new NewMessage(ext, "", " ", T0, 0, "a.wav"), T1);
        store.addMessage(message(other, "c.wav", T0), T0);

        assertThat(first.callerName()).as("blank name stored as none").isNull();
        assertThat(later).extracting(StoredMessage::callerNumber, StoredMessage::callerName, StoredMessage::receivedAt,
                StoredMessage::durationMs, StoredMessage::folder, StoredMessage::audioFile)
                .containsExactly("1002", "Bob", T1, 4_250L, "new", "b.wav");
        assertThat(store.messages(ext, null)).containsExactly(first, later);
        assertThat(store.moveMessage(ext, first.id(), "old", T1)).isTrue();
        assertThat(store.moveMessage(other, first.id(), "old", T1)).as("another box's message").isFalse();
        assertThat(store.messages(ext, "old")).extracting(StoredMessage::id).containsExactly(first.id());
        assertThat(store.messages(ext, "new")).extracting(StoredMessage::id).containsExactly(later.id());
        assertThat(store.counts(ext)).isEqualTo(new MessageCounts(1, 1));
        assertThat(store.message(other, later.id())).isEmpty();

        assertThat(store.deleteMessage(ext, later.id())).hasValueSatisfying(m -> assertThat(m.audioFile()).isEqualTo("b.wav"));
        assertThat(store.deleteMessage(ext, later.id())).isEmpty();
        assertThat(store.counts(ext)).isEqualTo(new MessageCounts(0, 1));
        assertThatThrownBy(() -> store.moveMessage(ext, first.id(), "saved", T1))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("folder"));
    }

    @BothEngines
    void greetingsReplaceEachOtherAndEveryNamedFileIsInUse(TestDatabase db) {
        long ext = extension(db.database(), "1001").id();
        JdbiVoicemailStore store = new JdbiVoicemailStore(db.database());

        assertThat(store.setGreeting(ext, GreetingKind.BUSY, "busy-1.wav", T0)).isEmpty();
        assertThat(store.setGreeting(ext, GreetingKind.BUSY, "busy-2.wav", T1)).contains("busy-1.wav");
        store.setGreeting(ext, GreetingKind.NAME, "name-1.wav", T1);
        store.addMessage(message(ext, "m.wav", T0), T0);

        StoredBox box = store.findBox(ext).orElseThrow();
        assertThat(box.greeting(GreetingKind.BUSY)).contains("busy-2.wav");
        assertThat(box.greeting(GreetingKind.UNAVAILABLE)).isEmpty();
        assertThat(box.settings()).as("a greeting alone keeps the default settings").isEqualTo(BoxSettings.DEFAULTS);
        assertThat(store.filesInUse()).isEqualTo(Map.of(ext, Set.of("busy-2.wav", "name-1.wav", "m.wav")));
    }

    @BothEngines
    void boxAndMessagesFollowARenumberedExtensionAndGoWithADeletedOne(TestDatabase db) {
        Extension e = extension(db.database(), "1001");
        JdbiExtensionStore extensions = new JdbiExtensionStore(db.database());
        JdbiVoicemailStore store = new JdbiVoicemailStore(db.database());
        store.saveSettings(e.id(), QUIET, T0);
        store.addMessage(message(e.id(), "m.wav", T0), T0);

        extensions.update(e.id(), new ExtensionUpdate("2001", "Renumbered", null, java.util.Optional.empty(),
                java.util.Optional.empty(), false, true, null), T1);
        assertThat(store.findBox(e.id())).isPresent();
        assertThat(store.messages(e.id(), null)).hasSize(1);

        extensions.delete(e.id());
        assertThat(store.findBox(e.id())).isEmpty();
        assertThat(store.messages(e.id(), null)).isEmpty();
        assertThat(store.filesInUse()).isEmpty();
    }

    @BothEngines
    void severalChangesSurviveARestart(TestDatabase db) {
        long ext = extension(db.database(), "1001").id();
        JdbiVoicemailStore store = new JdbiVoicemailStore(db.database());
        store.saveSettings(ext, QUIET, T0);
        store.pinFailed(ext, 5, T1, T0);
        store.setGreeting(ext, GreetingKind.UNAVAILABLE, "u.wav", T0);
        StoredMessage kept = store.addMessage(message(ext, "a.wav", T0), T0);
        StoredMessage gone = store.addMessage(message(ext, "b.wav", T1), T1);
        store.moveMessage(ext, kept.id(), "old", T1);
        store.deleteMessage(ext, gone.id());

        JdbiVoicemailStore reopened = new JdbiVoicemailStore(db.restart());

        StoredBox box = reopened.findBox(ext).orElseThrow();
        assertThat(box.settings()).isEqualTo(QUIET);
        assertThat(box.failedPinCount()).isEqualTo(1);
        assertThat(box.greeting(GreetingKind.UNAVAILABLE)).contains("u.wav");
        assertThat(reopened.messages(ext, null)).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(kept.id());
            assertThat(m.folder()).isEqualTo("old");
            assertThat(m.receivedAt()).isEqualTo(T0);
        });
    }

    @Test
    void anOverlongCallerIsCutNotRefusedSoTheMessageIsKept() {
        NewMessage m = new NewMessage(1, "9".repeat(300), "N".repeat(250), T0, 0, "x.wav");

        assertThat(m.callerNumber()).hasSize(NewMessage.MAX_NUMBER);
        assertThat(m.callerName()).hasSize(NewMessage.MAX_NAME);
    }

    @Test
    void settingsAndMessagesValidateNamingTheField() {
        assertThatThrownBy(() -> new BoxSettings(true, true, 5, false))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("max_message_seconds"));
        assertThatThrownBy(() -> new NewMessage(1, "1002", null, T0, 0, "../x.wav"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("audio_file"));
        assertThatThrownBy(() -> new NewMessage(1, "1002", null, T0, -1, "x.wav"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("duration_ms"));
    }
}
