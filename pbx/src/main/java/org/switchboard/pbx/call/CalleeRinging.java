package org.switchboard.pbx.call;

import java.util.List;

/** What a {@link Call} rings for its caller: an extension's phones ({@link ExtensionRing}) or a trunk ({@link TrunkRing}). */
interface CalleeRinging {

    /** Stops what still rings, without a report. */
    void cancel();

    /** Stops what still rings because a phone that was not rung answered the call (pickup); the CANCELs say so. */
    default void cancelAnsweredElsewhere() {
        cancel();
    }

    /** The INVITEs still waiting for a final response. */
    List<OutboundLeg> pending();
}
