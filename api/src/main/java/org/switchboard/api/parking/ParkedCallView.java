package org.switchboard.api.parking;

import java.time.Instant;
import org.switchboard.pbx.parking.ParkedCalls;

/** A parked call as {@code GET /api/parking} lists it. */
public record ParkedCallView(int slot, String caller, String callerName, String parkedBy, Instant since) {

    static ParkedCallView of(ParkedCalls.Parked parked) {
        return new ParkedCallView(parked.slot(), parked.caller(), parked.callerName(), parked.parkedBy(), parked.since());
    }
}
