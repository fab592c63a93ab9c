package org.switchboard.store.pickup;

import java.time.Instant;
import org.switchboard.store.db.Fields;

/**
 * A call that was picked up. Immutable; validates on construction, naming the field.
 *
 * @param callId the call's id, as its CDR's {@code call_id}
 * @param rung the extension whose ringing was taken
 * @param pickedUpBy the picker's extension (the CDR's callee)
 * @param how {@value #DIRECTED} ({@code **<extension>}) or {@value #GROUP} ({@code *8})
 */
public record CallPickup(String callId, String rung, String pickedUpBy, String how, Instant at) {
    public static final String DIRECTED = "directed";
    public static final String GROUP = "group";

    public CallPickup {
        callId = Fields.required(callId, "call_id");
        rung = Fields.required(rung, "rung");
        pickedUpBy = Fields.required(pickedUpBy, "picked_up_by");
        Fields.check(DIRECTED.equals(how) || GROUP.equals(how), "how", "must be directed or group");
        Fields.check(at != null, "picked_up_at", "is required");
    }
}
