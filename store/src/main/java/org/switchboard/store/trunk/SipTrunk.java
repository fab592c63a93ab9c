package org.switchboard.store.trunk;

import java.time.Instant;

/**
 * A stored SIP trunk: its id, the values it was saved with and when. Immutable; {@link
 * #toString()} leaves the sealed password out.
 */
public record SipTrunk(long id, NewSipTrunk values, Instant createdAt, Instant updatedAt) {

    /** The trunk's name, its key. */
    public String name() {
        return values.name();
    }

    @Override
    public String toString() {
        return "SipTrunk[id=" + id + ", " + values + "]";
    }
}
