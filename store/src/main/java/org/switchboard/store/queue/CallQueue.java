package org.switchboard.store.queue;

import java.time.Instant;

/** A stored call queue with its members in order (V210). Immutable. */
public record CallQueue(long id, NewCallQueue values, Instant createdAt, Instant updatedAt) {

    public String name() {
        return values.name();
    }
}
