package org.switchboard.pbx.webhook;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.pbx.event.Subscription;
import org.switchboard.pbx.provisioning.SealedSecretException;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.webhook.Delivery;
import org.switchboard.store.webhook.DeliveryState;
import org.switchboard.store.webhook.Outcome;
import org.switchboard.store.webhook.Webhook;
import org.switchboard.store.webhook.WebhookStore;

/**
 * Delivers PBX events to the subscriptions that ask for them (docs/webhooks.md). From the bus (a
 * lossless subscription on its own virtual thread) each event becomes one pending attempt per
 * matching subscription, committed before anything is sent, so a restart loses none. Due attempts
 * (new ones at once, retries when their time comes, and whatever a stopped node left) are taken
 * with a lease, so two nodes never send the same attempt together, and sent on virtual threads, at
 * most {@link WebhookSettings#perDestination} at once per host. A failure is retried after a
 * doubling wait until the last attempt, which is dead. Call threads never wait for any of this:
 * they only publish on the bus.
 *
 * <p>Thread-safe: the bus thread owns the payloads; one drain at a time looks for due attempts
 * (a flag pair coalesces wake-ups); senders share only the per-host semaphores.
 */
public final class WebhookDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 100;
    /** Events waiting on the bus for this subscriber; lossless, so a burst waits rather than drops. */
    private static final int QUEUE = 10_000;

    private final WebhookService service;
    private final WebhookStore store;
    private final WebhookSettings settings;
    private final Clock clock;
    private final WebhookSender sender;
    private final WebhookPayloads payloads = new WebhookPayloads();
    private final Map<String, Semaphore> perHost = new ConcurrentHashMap<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean closed;
    private Subscription subscription;
    private ScheduledFuture<?> tick;

    public WebhookDispatcher(WebhookService service, WebhookStore store, WebhookSettings settings, Clock clock) {
        this.service = service;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.sender = new WebhookSender(settings.timeout());
    }

    /**
     * Follows the bus and looks for due attempts every {@link WebhookSettings#poll}; the scheduler's
     * tick only starts a virtual thread. Looks at once too, for what a stopped node left pending.
     */
    public void start(EventBus events, ScheduledExecutorService scheduler) {
        subscription = events.subscribe("webhooks", EventBus.Delivery.LOSSLESS, QUEUE, this::onEvent);
        long poll = settings.poll().toMillis();
        tick = scheduler.scheduleWithFixedDelay(this::wake, 0, poll, TimeUnit.MILLISECONDS);
    }

    /** Saves one pending attempt per subscription that wants {@code event}, then sends them. On the bus thread. */
    void onEvent(PbxEvent event) {
        Optional<WebhookPayloads.Payload> payload = payloads.of(event);
        if (payload.isEmpty()) {
            return;
        }
        WebhookPayloads.Payload p = payload.get();
        List<Long> ids = service.subscribedTo(p.event()).stream().map(Webhook::id).toList();
        if (ids.isEmpty()) {
            return;
        }
        try {
            store.enqueue(ids, p.id(), p.event(), p.body(), clock.instant());
        } catch (RuntimeException e) {
            // The database is down: nothing was promised to the receivers yet, so the event is lost, loudly.
            log.warn("webhook event not queued event={} event_id={} subscriptions={} reason={}", p.event(), p.id(),
                    ids.size(), e.toString());
            return;
        }
        wake();
    }

    /** Looks for due attempts on a virtual thread, unless a look is under way (which then looks once more). */
    public void wake() {
        again.set(true);
        if (!closed && draining.compareAndSet(false, true)) {
            Thread.ofVirtual().name("webhook-due").start(this::drain);
        }
    }

    private void drain() {
        try {
            while (!closed && again.getAndSet(false)) {
                sendDue();
            }
        } catch (RuntimeException e) {
            log.warn("webhook due attempts not read reason={}", e.toString());
        } finally {
            draining.set(false);
            if (again.get() && !closed) {
                wake();
            }
        }
    }

    private void sendDue() {
        while (!closed) {
            Instant now = clock.instant();
            List<Delivery> due = store.due(now, BATCH);
            int started = 0;
            for (Delivery d : due) {
                if (start(d, now)) {
                    started++;
                }
            }
            if (due.size() < BATCH || started == 0) {
                return;
            }
        }
    }

    /** Takes {@code d} if its host has room and no other node took it, and sends it on a virtual thread. */
    private boolean start(Delivery d, Instant now) {
        Optional<Webhook> webhook = service.list().stream().filter(w -> w.id() == d.webhookId()).findFirst();
        if (webhook.isEmpty()) {
            return false;
        }
        Semaphore room = perHost.computeIfAbsent(host(webhook.get()), h -> new Semaphore(settings.perDestination()));
        if (!room.tryAcquire()) {
            return false;
        }
        boolean claimed;
        try {
            claimed = store.claim(d.id(), now, now.plus(lease()));
        } catch (RuntimeException e) {
            room.release();
            throw e;
        }
        if (!claimed) {
            room.release();
            return false;
        }
        Thread.ofVirtual().name("webhook-send-" + d.id()).start(() -> {
            try {
                attempt(webhook.get(), d);
            } finally {
                room.release();
                // Attempts skipped while this host was full (a backlog after an outage) go now, not at the next tick.
                wake();
            }
        });
        return true;
    }

    /** Sends one claimed attempt and records what came of it (and its retry). */
    private void attempt(Webhook webhook, Delivery d) {
        Instant sentAt = clock.instant();
        WebhookSender.Result result;
        try {
            String signature = WebhookSignature.header(service.secret(webhook), sentAt.getEpochSecond(), d.body());
            result = sender.post(webhook.values().url(), d.event(), d.eventId(), d.body(), signature);
        } catch (SealedSecretException e) {
            result = WebhookSender.failed("the secret does not open with this node's key: set it again");
        }
        Outcome outcome = outcome(d, result, sentAt);
        try {
            store.settle(d.id(), outcome, clock.instant());
        } catch (NotFoundException gone) {
            return; // the subscription was deleted while its attempt was on the wire
        } catch (RuntimeException e) {
            // Not recorded: the lease ends and the attempt is made again, which receivers dedupe by event id.
            log.warn("webhook attempt not recorded delivery={} reason={}", d.id(), e.toString());
            return;
        }
        if (outcome.state() == DeliveryState.DEAD) {
            log.warn("webhook delivery dead webhook={} event={} event_id={} attempts={} last_error={}", webhook.id(),
                    d.event(), d.eventId(), d.attempt(), outcome.error().orElse(""));
        } else if (outcome.state() == DeliveryState.FAILED) {
            log.info("webhook attempt failed webhook={} event_id={} attempt={} error={} retry_at={}", webhook.id(),
                    d.eventId(), d.attempt(), outcome.error().orElse(""), outcome.retryAt().orElseThrow());
        }
    }

    private Outcome outcome(Delivery d, WebhookSender.Result result, Instant sentAt) {
        if (result.delivered()) {
            return new Outcome(DeliveryState.DELIVERED, result.statusCode(), Optional.empty(), sentAt, Optional.empty());
        }
        if (d.attempt() >= settings.maxAttempts()) {
            return new Outcome(DeliveryState.DEAD, result.statusCode(), result.error(), sentAt, Optional.empty());
        }
        Instant retryAt = clock.instant().plus(settings.retryAfter(d.attempt()));
        return new Outcome(DeliveryState.FAILED, result.statusCode(), result.error(), sentAt, Optional.of(retryAt));
    }

    /** How long a taken attempt is this node's: its timeout twice over, and some. */
    private Duration lease() {
        return settings.timeout().multipliedBy(2).plusSeconds(30);
    }

    private static String host(Webhook webhook) {
        URI uri = URI.create(webhook.values().url());
        return uri.getHost() + ":" + uri.getPort();
    }

    /** Stops following the bus and looking for due attempts; attempts on the wire are abandoned to their lease. */
    @Override
    public void close() {
        closed = true;
        if (tick != null) {
            tick.cancel(false);
        }
        if (subscription != null) {
            subscription.close();
        }
        sender.close();
    }
}
