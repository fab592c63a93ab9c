package org.switchboard.store.route;

import java.time.Instant;

/** A stored outbound route: its id, the values it was saved with and when. Immutable. */
public record OutboundRoute(long id, NewOutboundRoute values, Instant createdAt, Instant updatedAt) {

    /** The route's name, its key. */
    public String name() {
        return values.name();
    }
}
