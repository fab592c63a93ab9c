package org.switchboard.pbx.conference;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.Change;
import org.switchboard.pbx.records.NamedRecords;
import org.switchboard.store.conference.ConferenceRoom;
import org.switchboard.store.conference.ConferenceRoomStore;
import org.switchboard.store.conference.NewConferenceRoom;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;

/**
 * The conference rooms' configuration: saved to the database before a change is reported done, with an in-memory
 * copy the call path reads ({@link #find}), reloaded after every committed change.
 *
 * <p>Thread-safe: changes are serialized by one lock and published through a volatile map; readers never lock.
 * Changes run on request and start-up threads (they touch the database).
 */
public final class ConferenceService {
    private final ConferenceRoomStore store;
    private final Clock clock;
    private final NamedRecords<ConferenceRoom> rooms;

    public ConferenceService(ConferenceRoomStore store, Clock clock, EventBus events) {
        this.store = store;
        this.clock = clock;
        this.rooms = new NamedRecords<>("conference", "conference", ConferenceRoom::name, store::list, clock, events);
    }

    /** Every room by name, from memory. */
    public List<ConferenceRoom> list() {
        return rooms.list();
    }

    /** The room named {@code name}, from memory (the call path's lookup). */
    public Optional<ConferenceRoom> find(String name) {
        return rooms.find(name);
    }

    /** The room named {@code name}; {@link NotFoundException} when there is none. */
    public ConferenceRoom get(String name) {
        return rooms.get(name);
    }

    /** Saves a new room; {@code ConflictException("name")} or {@code ("number")} when taken. */
    public ConferenceRoom create(NewConferenceRoom room, String actor) {
        return rooms.change(room.name(), Change.CREATED, actor, () -> store.create(room, clock.instant()));
    }

    /** Replaces a room's settings; the name is the room's key (dial-plan rules name it) and cannot change. */
    public ConferenceRoom update(String name, NewConferenceRoom room, String actor) {
        if (!room.name().equals(name)) {
            throw new ValidationException("name", "cannot be changed (it is the room's key); create a new room");
        }
        return rooms.change(name, Change.UPDATED, actor, () -> store.update(name, room, clock.instant()));
    }

    /** Deletes a room; callers in it stay until they hang up. {@link NotFoundException} when there is none. */
    public void delete(String name, String actor) {
        rooms.remove(name, actor, () -> store.delete(name));
    }

    /** Loads the in-memory copy from the database (at start, and after another node's change). */
    public void reloadCache() {
        rooms.reload();
    }
}
