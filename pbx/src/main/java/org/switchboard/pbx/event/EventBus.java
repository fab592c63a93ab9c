package org.switchboard.pbx.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process publish/subscribe hub for {@link PbxEvent}s (architecture.md, "Events").
 * {@link #publish} never blocks, so an event loop or a call executor may call it: each subscriber
 * has its own bounded queue drained by its own virtual thread, and a slow subscriber delays only
 * itself. Lossy subscribers (the live dashboard) drop their oldest event when full; lossless ones
 * (cache reloads) never drop, an overflowing event waits for room on a virtual thread of its own.
 *
 * <p>Thread-safe: any thread may publish, subscribe or close a subscription.
 */
public final class EventBus implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventBus.class);

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    /** How a subscriber copes with falling behind. */
    public enum Delivery {
        /** Drops the oldest waiting event when the queue is full (and counts it). */
        DROP_OLDEST,
        /** Never drops; the publisher hands the event to a virtual thread that waits for room. */
        LOSSLESS
    }

    /**
     * Starts delivering every event published from now on to {@code handler} on a virtual thread
     * named {@code event-<name>}, in publication order (an event that overflowed a lossless queue
     * may arrive after later ones). A handler that throws is logged and
     * keeps receiving. Close the returned subscription to stop.
     */
    public Subscription subscribe(String name, Delivery delivery, int capacity, Consumer<PbxEvent> handler) {
        Subscription subscription = new Subscription(name, delivery, capacity, handler, this::remove);
        subscriptions.add(subscription);
        return subscription;
    }

    /** Queues {@code event} for every current subscriber; never blocks. */
    public void publish(PbxEvent event) {
        for (Subscription subscription : subscriptions) {
            subscription.offer(event);
        }
    }

    /** How many subscribers are listening (for tests and metrics). */
    public int subscriberCount() {
        return subscriptions.size();
    }

    /** Stops every subscription; events still queued are dropped. */
    @Override
    public void close() {
        for (Subscription subscription : List.copyOf(subscriptions)) {
            subscription.close();
        }
    }

    private void remove(Subscription subscription) {
        if (subscriptions.remove(subscription)) {
            log.debug("event subscriber {} closed; dropped={}", subscription.name(), subscription.dropped());
        }
    }
}
