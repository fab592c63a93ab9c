package org.switchboard.store.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the webhook feature may ask of the database: subscriptions ({@code webhook_subscriptions})
 * and their delivery attempts ({@code webhook_deliveries}). Thread-safe.
 */
public interface WebhookStore {

    /** Saves a new subscription. */
    Webhook create(NewWebhook webhook, Instant now);

    /** Replaces a subscription's values; {@code NotFoundException} when there is none with {@code id}. */
    Webhook update(long id, NewWebhook webhook, Instant now);

    /** Deletes a subscription and its delivery log; {@code NotFoundException} when there is none. */
    void delete(long id);

    Optional<Webhook> find(long id);

    /** Every subscription, by id. */
    List<Webhook> list();

    /** Saves the first attempt of an event for each subscription, due at {@code now}, in one transaction. */
    List<Delivery> enqueue(List<Long> webhookIds, String eventId, String event, String body, Instant now);

    /** Pending attempts of enabled subscriptions due at {@code now}, the earliest first, at most {@code limit}. */
    List<Delivery> due(Instant now, int limit);

    /**
     * Takes a due pending attempt for this node by moving its due time to {@code leaseUntil}:
     * false when it is no longer pending and due (another node took it). A node that dies while
     * sending leaves it due again when the lease ends.
     */
    boolean claim(long deliveryId, Instant now, Instant leaseUntil);

    /** Records a claimed attempt's outcome and, for a failure with a retry, saves the retry as the next attempt; one transaction. */
    Delivery settle(long deliveryId, Outcome outcome, Instant now);

    /** A subscription's attempts, the newest first, at most {@code limit}. */
    List<Delivery> deliveries(long webhookId, int limit);

    /** One attempt of a subscription. */
    Optional<Delivery> delivery(long webhookId, long deliveryId);

    /**
     * Saves one more attempt of the event of attempt {@code deliveryId}, due at {@code now};
     * {@code NotFoundException} when there is no such attempt, {@code ConflictException("delivery")}
     * while an attempt of that event is still pending.
     */
    Delivery resend(long webhookId, long deliveryId, Instant now);

    /** Deletes settled attempts (delivered, failed, dead) last changed before {@code before}; how many. */
    int purgeSettled(Instant before);
}
