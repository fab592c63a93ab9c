package org.switchboard.api.conference;

import java.time.Instant;
import org.switchboard.store.conference.ConferenceRoom;
import org.switchboard.store.conference.NewConferenceRoom;

/** Response body for one room: its settings and how many callers are in it on this node. */
public record ConferenceView(String name, String number, String pin, String moderatorPin, int maxParticipants,
        boolean waitForModerator, boolean tones, boolean record, int participants, Instant createdAt,
        Instant updatedAt) {

    static ConferenceView of(ConferenceRoom room, int participants) {
        NewConferenceRoom r = room.values();
        return new ConferenceView(r.name(), r.number().orElse(null), r.pin(), r.moderatorPin(), r.maxParticipants(),
                r.waitForModerator(), r.tones(), r.record(), participants, room.createdAt(), room.updatedAt());
    }
}
