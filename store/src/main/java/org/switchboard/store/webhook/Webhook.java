package org.switchboard.store.webhook;

import java.time.Instant;

/** A stored webhook subscription: its id, the values it was saved with and when. Immutable. */
public record Webhook(long id, NewWebhook values, Instant createdAt, Instant updatedAt) {

    @Override
    public String toString() {
        return "Webhook[id=" + id + ", " + values + "]";
    }
}
