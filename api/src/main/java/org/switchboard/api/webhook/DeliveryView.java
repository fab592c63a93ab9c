package org.switchboard.api.webhook;

import java.time.Instant;
import org.switchboard.store.webhook.Delivery;

/**
 * Response body for one delivery attempt: {@code at} is when it was sent, or when it was queued
 * while it is pending; {@code next_attempt_at} only for a pending one.
 */
public record DeliveryView(long id, String eventId, String event, int attempt, String state, Integer statusCode,
        String error, Instant at, Instant nextAttemptAt, String body) {

    static DeliveryView of(Delivery d) {
        return new DeliveryView(d.id(), d.eventId(), d.event(), d.attempt(), d.state().wire(),
                d.statusCode().isPresent() ? d.statusCode().getAsInt() : null, d.error().orElse(null),
                d.attemptedAt().orElse(d.createdAt()), d.nextAttemptAt().orElse(null), d.body());
    }
}
