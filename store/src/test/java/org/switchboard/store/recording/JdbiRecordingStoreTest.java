package org.switchboard.store.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.extension.NewExtension;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class JdbiRecordingStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07.890Z");
    private static final Instant T1 = T0.plusSeconds(86_400);
    private static final String MD5 = "0123456789abcdef0123456789abcdef";

    private static void extension(Database database, String number) {
        new JdbiExtensionStore(database).create(
                new NewExtension(number, "Ext " + number, null, MD5, MD5 + MD5, "pbx.test", null, false, true, null), T0);
    }

    @BothEngines
    void policiesRecordingsHoldsAndRetentionSurviveARestart(TestDatabase db) {
        extension(db.database(), "1001");
        extension(db.database(), "1002");
        JdbiRecordingStore store = new JdbiRecordingStore(db.database());
        store.savePolicy(new ExtensionRecording("1001", RecordingPolicy.ALWAYS, false), T0);
        store.savePolicy(new ExtensionRecording("1002", RecordingPolicy.ON_DEMAND, false), T0);
        store.savePolicy(new ExtensionRecording("1001", RecordingPolicy.ALWAYS, true), T1);
        CallRecording first = store.add(new NewCallRecording("call-1@h", "1001", T0, 12, "2026-03-04/a.wav"));
        CallRecording second = store.add(new NewCallRecording("call-2@h", "1002", T1, 3, "2026-03-05/b.wav"));
        store.setLegalHold(first.id(), true);
        store.saveRetentionDays(Optional.of(30), T0);

        RecordingStore after = new JdbiRecordingStore(db.restart());

        assertThat(after.policies()).containsExactly(
                new ExtensionRecording("1001", RecordingPolicy.ALWAYS, true),
                new ExtensionRecording("1002", RecordingPolicy.ON_DEMAND, false));
        assertThat(after.find(first.id())).contains(
                new CallRecording(first.id(), "call-1@h", "1001", T0, 12, "2026-03-04/a.wav", true));
        assertThat(after.list(RecordingQuery.ALL, 100)).extracting(CallRecording::id)
                .as("newest first").containsExactly(second.id(), first.id());
        assertThat(after.retentionDays()).contains(30);
    }

    @BothEngines
    void listFiltersByExtensionCallAndTime(TestDatabase db) {
        JdbiRecordingStore store = new JdbiRecordingStore(db.database());
        CallRecording a = store.add(new NewCallRecording("call-a", "1001", T0, 5, "a.wav"));
        CallRecording b = store.add(new NewCallRecording("call-b", "1002", T1, 5, "b.wav"));

        assertThat(store.list(new RecordingQuery(Optional.of("1002"), Optional.empty(), Optional.empty(),
                Optional.empty()), 100)).containsExactly(b);
        assertThat(store.list(new RecordingQuery(Optional.empty(), Optional.of("call-a"), Optional.empty(),
                Optional.empty()), 100)).containsExactly(a);
        assertThat(store.list(new RecordingQuery(Optional.empty(), Optional.empty(), Optional.of(T0.plusSeconds(1)),
                Optional.of(T1.plusSeconds(1))), 100)).containsExactly(b);
        assertThat(store.list(RecordingQuery.ALL, 1)).containsExactly(b);
    }

    @BothEngines
    void expiredLeavesOutLegalHoldsAndDeleteRemovesTheRow(TestDatabase db) {
        JdbiRecordingStore store = new JdbiRecordingStore(db.database());
        CallRecording old = store.add(new NewCallRecording("call-a", "1001", T0, 5, "a.wav"));
        CallRecording held = store.add(new NewCallRecording("call-b", "1001", T0, 5, "b.wav"));
        store.add(new NewCallRecording("call-c", "1001", T1, 5, "c.wav"));
        store.setLegalHold(held.id(), true);

        assertThat(store.expired(T1)).containsExactly(old);
        store.delete(old.id());
        assertThat(store.find(old.id())).isEmpty();
        assertThatThrownBy(() -> store.delete(old.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.setLegalHold(old.id(), true)).isInstanceOf(NotFoundException.class);
    }

    @BothEngines
    void aDeletedExtensionTakesItsPolicyAndRetentionCanBeCleared(TestDatabase db) {
        extension(db.database(), "1001");
        JdbiRecordingStore store = new JdbiRecordingStore(db.database());
        store.savePolicy(new ExtensionRecording("1001", RecordingPolicy.ALWAYS, false), T0);
        store.saveRetentionDays(Optional.of(7), T0);

        JdbiExtensionStore extensions = new JdbiExtensionStore(db.database());
        extensions.delete(extensions.findByNumber("1001").orElseThrow().id());
        store.saveRetentionDays(Optional.empty(), T1);

        assertThat(store.policies()).isEmpty();
        assertThat(store.retentionDays()).isEmpty();
        assertThatThrownBy(() -> RecordingPolicy.of("sometimes")).isInstanceOf(ValidationException.class)
                .hasFieldOrPropertyWithValue("field", "policy");
        assertThat(List.of(RecordingPolicy.values())).extracting(RecordingPolicy::label)
                .containsExactly("never", "always", "on_demand");
    }
}
