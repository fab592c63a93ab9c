package org.switchboard.store.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class JdbiConferenceRoomStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07.890Z");
    private static final Instant T1 = T0.plusSeconds(60);

    static NewConferenceRoom room(String name, String number) {
        return new NewConferenceRoom(name, Optional.ofNullable(number), "1234", "9876", 20, true, true, false);
    }

    @BothEngines
    void aRoomIsSavedAndLoadedWithEveryValue(TestDatabase db) {
        JdbiConferenceRoomStore store = new JdbiConferenceRoomStore(db.database());

        ConferenceRoom saved = store.create(room("room1", "800"), T0);

        assertThat(store.find("room1")).contains(saved);
        assertThat(saved.values()).isEqualTo(room("room1", "800"));
        assertThat(saved.createdAt()).isEqualTo(T0);
    }

    @BothEngines
    void severalChangesSurviveARestart(TestDatabase db) {
        JdbiConferenceRoomStore store = new JdbiConferenceRoomStore(db.database());
        store.create(room("room1", "800"), T0);
        store.create(room("room2", null), T0);
        store.create(room("old", "802"), T0);
        NewConferenceRoom changed = new NewConferenceRoom("room1", Optional.empty(), "", "", 3, false, false, true);
        store.update("room1", changed, T1);
        store.delete("old");

        JdbiConferenceRoomStore after = new JdbiConferenceRoomStore(db.restart());

        assertThat(after.list()).extracting(ConferenceRoom::name).containsExactly("room1", "room2");
        ConferenceRoom room1 = after.find("room1").orElseThrow();
        assertThat(room1.values()).isEqualTo(changed);
        assertThat(room1.createdAt()).isEqualTo(T0);
        assertThat(room1.updatedAt()).isEqualTo(T1);
        assertThat(after.find("room2").orElseThrow().values().number()).isEmpty();
        assertThat(after.find("old")).isEmpty();
    }

    @BothEngines
    void aTakenNameOrNumberIsAConflictNamingIt(TestDatabase db) {
        JdbiConferenceRoomStore store = new JdbiConferenceRoomStore(db.database());
        store.create(room("room1", "800"), T0);
        store.create(room("room2", null), T0);

        assertThatThrownBy(() -> store.create(room("room1", "801"), T1))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("field", "name");
        assertThatThrownBy(() -> store.create(room("room3", "800"), T1))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("field", "number");
        assertThat(store.create(room("room4", null), T1).values().number()).as("rooms without a number").isEmpty();
    }

    @BothEngines
    void updatingOrDeletingAnUnknownRoomIsNotFound(TestDatabase db) {
        JdbiConferenceRoomStore store = new JdbiConferenceRoomStore(db.database());

        assertThatThrownBy(() -> store.update("nobody", room("nobody", null), T0)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.delete("nobody")).isInstanceOf(NotFoundException.class);
    }

    @BothEngines
    void badValuesAreRefusedNamingTheField(TestDatabase db) {
        assertThatThrownBy(() -> new NewConferenceRoom("a b", Optional.empty(), "", "", 20, false, true, false))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "name");
        assertThatThrownBy(() -> new NewConferenceRoom("a", Optional.empty(), "12a", "", 20, false, true, false))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "pin");
        assertThatThrownBy(() -> new NewConferenceRoom("a", Optional.empty(), "", "", 1, false, true, false))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "max_participants");
        assertThatThrownBy(() -> new NewConferenceRoom("a", Optional.empty(), "", "", 20, true, true, false))
                .as("waiting for a moderator needs a moderator PIN").isInstanceOf(ValidationException.class)
                .hasFieldOrPropertyWithValue("field", "wait_for_moderator");
        assertThatThrownBy(() -> new NewConferenceRoom("a", Optional.empty(), "11", "11", 20, false, true, false))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "moderator_pin");
    }
}
