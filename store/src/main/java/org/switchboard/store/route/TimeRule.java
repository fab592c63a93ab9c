package org.switchboard.store.route;

import java.time.Instant;

/** A stored time rule: its id, the values it was saved with and when. Immutable. */
public record TimeRule(long id, NewTimeRule values, Instant createdAt, Instant updatedAt) {

    /** The rule's name, its key. */
    public String name() {
        return values.name();
    }
}
