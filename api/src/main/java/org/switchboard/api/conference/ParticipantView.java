package org.switchboard.api.conference;

import java.time.Instant;
import org.switchboard.pbx.conference.Participant;

/** Response body for one caller in a room; {@code waiting} while it hears music until a moderator comes. */
public record ParticipantView(long id, String caller, String callerName, boolean muted, boolean moderator,
        boolean waiting, Instant joinedAt) {

    static ParticipantView of(Participant p) {
        return new ParticipantView(p.id(), p.caller(), p.callerName(), p.muted(), p.moderator(), !p.seated(),
                p.joinedAt());
    }
}
