package org.switchboard.store.webhook;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One attempt to deliver one event to one subscription, as stored. Immutable.
 *
 * @param eventId the event's id, the same in every attempt and in the body (receivers dedupe on it)
 * @param event the event's name ({@code call.ended})
 * @param body the exact JSON sent, signed anew at each attempt
 * @param attempt 1 for the first try, then counting retries and re-sends
 * @param statusCode the receiver's HTTP status, once answered
 * @param error why the attempt failed, in words, once it has
 * @param nextAttemptAt when a pending attempt is due (or the lease of the node sending it ends)
 * @param attemptedAt when it was sent, once it has been
 */
public record Delivery(long id, long webhookId, String eventId, String event, String body, int attempt,
        DeliveryState state, OptionalInt statusCode, Optional<String> error, Optional<Instant> nextAttemptAt,
        Optional<Instant> attemptedAt, Instant createdAt, Instant updatedAt) {}
