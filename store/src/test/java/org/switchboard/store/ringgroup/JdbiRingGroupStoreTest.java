package org.switchboard.store.ringgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.extension.Extension;
import org.switchboard.store.extension.ExtensionUpdate;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.extension.NewExtension;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class JdbiRingGroupStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07.890Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final String MD5 = "0123456789abcdef0123456789abcdef";
    private static final Optional<FinalAction> VOICEMAIL = Optional.of(new FinalAction("voicemail", "2001"));

    private static Extension extension(Database database, String number) {
        return new JdbiExtensionStore(database).create(
                new NewExtension(number, "Ext " + number, null, MD5, MD5 + MD5, "pbx.test", null, false, true, null), T0);
    }

    private static void extensions(Database database, String... numbers) {
        for (String number : numbers) {
            extension(database, number);
        }
    }

    @BothEngines
    void groupsMembersAndFinalActionsSurviveARestart(TestDatabase db) {
        extensions(db.database(), "2001", "2002", "2003");
        JdbiRingGroupStore store = new JdbiRingGroupStore(db.database());
        store.create(new NewRingGroup("support", RingStrategy.RING_ALL, List.of("2001", "2002"), 20, VOICEMAIL), T0);
        store.create(new NewRingGroup("sales", RingStrategy.HUNT, List.of("2001"), 15, Optional.empty()), T0);
        store.create(new NewRingGroup("old", RingStrategy.HUNT, List.of("2003"), 15, Optional.empty()), T0);
        store.update("sales", new NewRingGroup("sales", RingStrategy.MEMORY_HUNT, List.of("2003", "2001", "2002"), 8,
                Optional.of(new FinalAction("ring_group", "support"))), T1);
        store.delete("old");

        JdbiRingGroupStore after = new JdbiRingGroupStore(db.restart());

        assertThat(after.list()).extracting(RingGroup::name).containsExactly("sales", "support");
        RingGroup sales = after.find("sales").orElseThrow();
        assertThat(sales.toNew()).isEqualTo(new NewRingGroup("sales", RingStrategy.MEMORY_HUNT,
                List.of("2003", "2001", "2002"), 8, Optional.of(new FinalAction("ring_group", "support"))));
        assertThat(sales.createdAt()).isEqualTo(T0);
        assertThat(sales.updatedAt()).isEqualTo(T1);
        assertThat(after.find("support").orElseThrow().toNew())
                .isEqualTo(new NewRingGroup("support", RingStrategy.RING_ALL, List.of("2001", "2002"), 20, VOICEMAIL));
        assertThat(after.find("old")).isEmpty();
    }

    @BothEngines
    void membersFollowARenumberedExtensionAndGoWithADeletedOne(TestDatabase db) {
        Extension a = extension(db.database(), "2001");
        Extension b = extension(db.database(), "2002");
        extension(db.database(), "2003");
        JdbiRingGroupStore store = new JdbiRingGroupStore(db.database());
        store.create(new NewRingGroup("support", RingStrategy.HUNT, List.of("2001", "2002", "2003"), 20, VOICEMAIL), T0);
        JdbiExtensionStore extensions = new JdbiExtensionStore(db.database());

        extensions.delete(a.id());
        extensions.update(b.id(), new ExtensionUpdate("2009", "B", null, Optional.empty(), Optional.empty(), false, true, null), T1);

        assertThat(store.find("support").orElseThrow().members()).containsExactly("2009", "2003");
    }

    @BothEngines
    void aSecondGroupOfTheSameNameIsAConflictAndUnknownGroupsAreNotFound(TestDatabase db) {
        extensions(db.database(), "2001");
        JdbiRingGroupStore store = new JdbiRingGroupStore(db.database());
        NewRingGroup support = new NewRingGroup("support", RingStrategy.RING_ALL, List.of("2001"), 20, VOICEMAIL);
        store.create(support, T0);

        assertThatThrownBy(() -> store.create(support, T1)).isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("field", "name");
        assertThatThrownBy(() -> store.update("nope", support, T1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.delete("nope")).isInstanceOf(NotFoundException.class);
    }

    @BothEngines
    void badShapesAreRefusedNamingTheField(TestDatabase db) {
        assertThatThrownBy(() -> new NewRingGroup("Support!", RingStrategy.HUNT, List.of("2001"), 20, VOICEMAIL))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "name");
        assertThatThrownBy(() -> new NewRingGroup("support", RingStrategy.HUNT, List.of(), 20, VOICEMAIL))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "members");
        assertThatThrownBy(() -> new NewRingGroup("support", RingStrategy.HUNT, List.of("2001", "2001"), 20, VOICEMAIL))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "members[1]");
        assertThatThrownBy(() -> new NewRingGroup("support", RingStrategy.HUNT, List.of("2001"), 4, VOICEMAIL))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "ring_seconds");
        assertThatThrownBy(() -> new FinalAction("Voice Mail", "2001"))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "final_action.action");
    }
}
