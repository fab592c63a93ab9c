package org.switchboard.store.conference;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the conference feature may ask of the database: the {@code conference_rooms} table. Thread-safe. */
public interface ConferenceRoomStore {

    /** Saves a new room; {@code ConflictException("name")} or {@code ("number")} when taken. */
    ConferenceRoom create(NewConferenceRoom room, Instant now);

    /** Replaces a room's values; {@code NotFoundException} when no room has {@code name}. */
    ConferenceRoom update(String name, NewConferenceRoom room, Instant now);

    /** Deletes a room; {@code NotFoundException} when no room has {@code name}. */
    void delete(String name);

    /** The room named {@code name}, if any. */
    Optional<ConferenceRoom> find(String name);

    /** Every room, by name. */
    List<ConferenceRoom> list();
}
