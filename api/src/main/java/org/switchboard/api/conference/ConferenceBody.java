package org.switchboard.api.conference;

import java.util.Optional;
import org.switchboard.store.conference.NewConferenceRoom;
import org.switchboard.store.db.Fields;

/**
 * Request body of {@code POST /api/conferences} and {@code PUT /api/conferences/{name}}: {@code name} is required
 * on POST (on PUT it defaults to the path's); the rest default to no number, no PINs, 20 participants, no waiting
 * for a moderator, tones on, no recording.
 */
public record ConferenceBody(String name, String number, String pin, String moderatorPin, Integer maxParticipants,
        Boolean waitForModerator, Boolean tones, Boolean record) {
    static final int DEFAULT_MAX_PARTICIPANTS = 20;

    /** The values to save; on update {@code pathName} stands in for an omitted name. */
    NewConferenceRoom toRoom(String pathName) {
        String n = name != null ? name : pathName;
        Fields.required(n, "name");
        return new NewConferenceRoom(n, Optional.ofNullable(number), pin == null ? "" : pin,
                moderatorPin == null ? "" : moderatorPin,
                maxParticipants == null ? DEFAULT_MAX_PARTICIPANTS : maxParticipants,
                waitForModerator != null && waitForModerator, tones == null || tones, record != null && record);
    }
}
