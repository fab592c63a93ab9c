package org.switchboard.pbx.call;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A call in progress as the API shows it.
 *
 * @param id the call's id (the caller leg's Call-ID, also the CDR's call_id)
 * @param caller the calling extension (or outside caller's user part)
 * @param callee the dialled number, or the extension it reached
 * @param state where the call is now
 * @param startedAt when the INVITE arrived
 * @param answeredAt when the callee answered, empty before that
 * @param codec the negotiated codec (e.g. {@code PCMU}), empty before the answer
 * @param legs the caller's leg first, then the callee's (several while forked contacts ring)
 */
public record CallSnapshot(String id, String caller, String callee, CallState state, Instant startedAt,
        Optional<Instant> answeredAt, Optional<String> codec, List<LegSnapshot> legs) {
    public CallSnapshot {
        legs = List.copyOf(legs);
    }
}
