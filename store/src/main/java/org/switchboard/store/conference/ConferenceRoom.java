package org.switchboard.store.conference;

import java.time.Instant;

/** A stored conference room: its id, the values it was saved with and when. Immutable. */
public record ConferenceRoom(long id, NewConferenceRoom values, Instant createdAt, Instant updatedAt) {

    /** The room's name, its key. */
    public String name() {
        return values.name();
    }
}
