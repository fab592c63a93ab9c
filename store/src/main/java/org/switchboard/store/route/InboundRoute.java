package org.switchboard.store.route;

import java.time.Instant;

/** A stored inbound route: its id, the values it was saved with and when. Immutable. */
public record InboundRoute(long id, NewInboundRoute values, Instant createdAt, Instant updatedAt) {

    /** The route's DID, its key. */
    public String did() {
        return values.did();
    }
}
