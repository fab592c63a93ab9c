package org.switchboard.pbx.conference;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.Change;
import org.switchboard.pbx.event.PbxEvent.ConfigChanged;
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
    private static final Logger log = LoggerFactory.getLogger(ConferenceService.class);
    private static final String ENTITY = "conference";

    private final ConferenceRoomStore store;
    private final Clock clock;
    private final EventBus events;
    private final Lock changes = new ReentrantLock();
    private volatile Map<String, ConferenceRoom> byName = Map.of();

    public ConferenceService(ConferenceRoomStore store, Clock clock, EventBus events) {
        this.store = store;
        this.clock = clock;
        this.events = events;
    }

    /** Every room by name, from memory. */
    public List<ConferenceRoom> list() {
        return byName.values().stream().sorted(Comparator.comparing(ConferenceRoom::name)).toList();
    }

    /** The room named {@code name}, from memory (the call path's lookup). */
    public Optional<ConferenceRoom> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The room named {@code name}; {@link NotFoundException} when there is none. */
    public ConferenceRoom get(String name) {
        return find(name).orElseThrow(() -> new NotFoundException(ENTITY, name));
    }

    /** Saves a new room; {@code ConflictException("name")} or {@code ("number")} when taken. */
    public ConferenceRoom create(NewConferenceRoom room, String actor) {
        return change(room.name(), Change.CREATED, actor, () -> store.create(room, clock.instant()));
    }

    /** Replaces a room's settings; the name is the room's key (dial-plan rules name it) and cannot change. */
    public ConferenceRoom update(String name, NewConferenceRoom room, String actor) {
        if (!room.name().equals(name)) {
            throw new ValidationException("name", "cannot be changed (it is the room's key); create a new room");
        }
        return change(name, Change.UPDATED, actor, () -> store.update(name, room, clock.instant()));
    }

    /** Deletes a room; callers in it stay until they hang up. {@link NotFoundException} when there is none. */
    public void delete(String name, String actor) {
        change(name, Change.DELETED, actor, () -> {
            store.delete(name);
            return null;
        });
    }

    /** Loads the in-memory copy from the database (at start, and after another node's change). */
    public void reloadCache() {
        changes.lock();
        try {
            byName = index(store.list());
        } finally {
            changes.unlock();
        }
    }

    private static Map<String, ConferenceRoom> index(List<ConferenceRoom> rooms) {
        return rooms.stream().collect(Collectors.toUnmodifiableMap(ConferenceRoom::name, Function.identity()));
    }

    private ConferenceRoom change(String name, Change change, String actor, Supplier<ConferenceRoom> write) {
        ConferenceRoom saved;
        changes.lock();
        try {
            saved = write.get();
            byName = index(store.list());
        } finally {
            changes.unlock();
        }
        events.publish(new ConfigChanged(clock.instant(), ENTITY, name, change));
        log.info("conference room {} name={} by={}", change.name().toLowerCase(Locale.ROOT), name, actor);
        return saved;
    }
}
