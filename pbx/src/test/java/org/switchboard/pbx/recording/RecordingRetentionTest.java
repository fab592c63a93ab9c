package org.switchboard.pbx.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.recording.CallRecording;
import org.switchboard.store.recording.JdbiRecordingStore;
import org.switchboard.store.recording.NewCallRecording;
import org.switchboard.store.recording.RecordingQuery;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

class RecordingRetentionTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path folder;

    private final TestDatabase db = TestDatabases.sqlite();
    private final MovableClock clock = new MovableClock(T0);
    private final EventBus events = new EventBus();

    @AfterEach
    void close() {
        events.close();
        db.close();
    }

    @Test
    void recordingsOlderThanTheRetentionPeriodLoseFileAndRowButNotThoseOnLegalHold() throws Exception {
        RecordingService inFolder = service();
        CallRecording old = recorded(inFolder, "old", T0);
        CallRecording held = recorded(inFolder, "held", T0);
        CallRecording recent = recorded(inFolder, "recent", T0.plus(Duration.ofDays(20)));
        inFolder.setLegalHold(held.id(), true);
        inFolder.setRetentionDays(Optional.of(30));

        clock.moveTo(T0.plus(Duration.ofDays(30)).minusSeconds(1));
        assertThat(inFolder.enforceRetention()).as("nothing is 30 days old yet").isZero();

        clock.moveTo(T0.plus(Duration.ofDays(31)));
        assertThat(inFolder.enforceRetention()).isEqualTo(1);

        assertThat(inFolder.list(RecordingQuery.ALL)).extracting(CallRecording::id)
                .containsExactlyInAnyOrder(held.id(), recent.id());
        assertThat(folder.resolve(old.file())).doesNotExist();
        assertThat(folder.resolve(held.file())).exists();
        assertThat(folder.resolve(recent.file())).exists();
    }

    @Test
    void withoutARetentionPeriodNothingIsRemoved() throws Exception {
        RecordingService inFolder = service();
        recorded(inFolder, "kept", T0);
        clock.moveTo(T0.plus(Duration.ofDays(10_000)));

        assertThat(inFolder.enforceRetention()).isZero();
        assertThat(inFolder.list(RecordingQuery.ALL)).hasSize(1);
    }

    @Test
    void aRecordingOnLegalHoldCannotBeDeletedAndBadRetentionIsRefusedNamingTheField() throws Exception {
        RecordingService inFolder = service();
        CallRecording held = inFolder.setLegalHold(recorded(inFolder, "held", T0).id(), true);

        assertThatThrownBy(() -> inFolder.delete(held.id())).isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("field", "legal_hold");
        assertThatThrownBy(() -> inFolder.setRetentionDays(Optional.of(0))).isInstanceOf(ValidationException.class)
                .hasFieldOrPropertyWithValue("field", "max_age_days");

        inFolder.setLegalHold(held.id(), false);
        inFolder.delete(held.id());
        assertThat(folder.resolve(held.file())).doesNotExist();
        assertThat(inFolder.list(RecordingQuery.ALL)).isEmpty();
    }

    private RecordingService service() {
        return new RecordingService(new JdbiRecordingStore(db.database()), new ExtensionService(
                new JdbiExtensionStore(db.database()), "pbx.test", new Argon2PasswordHasher(64, 1, 1), clock, events),
                folder, clock, events);
    }

    private CallRecording recorded(RecordingService in, String name, Instant at) throws Exception {
        String file = name + ".wav";
        Files.write(folder.resolve(file), new byte[44]);
        return in.stored(new NewCallRecording("call-" + name, "1001", at, 10, file));
    }

    /** A clock the test sets: retention is decided by age, and waiting 30 days is not a test. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void moveTo(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
