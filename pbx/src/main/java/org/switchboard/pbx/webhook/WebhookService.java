package org.switchboard.pbx.webhook;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.Change;
import org.switchboard.pbx.event.PbxEvent.ConfigChanged;
import org.switchboard.pbx.provisioning.DeviceSecretCipher;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.webhook.Delivery;
import org.switchboard.store.webhook.NewWebhook;
import org.switchboard.store.webhook.Webhook;
import org.switchboard.store.webhook.WebhookStore;

/**
 * The single entry point for webhook subscriptions and their delivery log (API, dispatcher):
 * checks and stores subscriptions, seals each secret with the node's key (AES-GCM, the sealing of
 * trunk and device passwords) bound to the subscription's URL, so a sealed value copied onto a row
 * pointing elsewhere does not open, and keeps the subscriptions in memory for the dispatcher.
 *
 * <p>Thread-safe: changes are serialized by one lock and followed by a reload published through a
 * volatile field; readers never lock.
 */
public final class WebhookService {
    private static final Logger log = LoggerFactory.getLogger(WebhookService.class);
    private static final int MIN_SECRET = 16;
    private static final int MAX_SECRET = 256;
    /** Attempts a log lists at most. */
    public static final int MAX_LOG = 500;

    private final WebhookStore store;
    private final DeviceSecretCipher cipher;
    private final Clock clock;
    private final EventBus events;
    private final SecureRandom random = new SecureRandom();
    private final Lock changes = new ReentrantLock();
    private volatile List<Webhook> all = List.of();

    /** A new subscription, with the secret the node generated when none was given (shown this once). */
    public record Created(Webhook webhook, Optional<String> generatedSecret) {}

    public WebhookService(WebhookStore store, DeviceSecretCipher cipher, Clock clock, EventBus events) {
        this.store = store;
        this.cipher = cipher;
        this.clock = clock;
        this.events = events;
    }

    /** Every subscription by id, from memory. */
    public List<Webhook> list() {
        return all;
    }

    /** The subscription {@code id}; {@link NotFoundException} when there is none. */
    public Webhook get(long id) {
        return all.stream().filter(w -> w.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("webhook", Long.toString(id)));
    }

    /** The enabled subscriptions whose filter takes {@code event}, from memory. */
    public List<Webhook> subscribedTo(String event) {
        return all.stream().filter(w -> w.values().enabled() && WebhookEvents.matches(w.values().events(), event))
                .toList();
    }

    /** The secret in clear, for signing; {@code SealedSecretException} when it does not open. */
    public String secret(Webhook webhook) {
        return cipher.open(owner(webhook.values().url()), webhook.values().sealedSecret());
    }

    /** Saves a new subscription; without a secret the node generates one. */
    public Created create(WebhookInput input, String actor) {
        Optional<String> generated = input.secret().isPresent() ? Optional.empty() : Optional.of(newSecret());
        String secret = input.secret().or(() -> generated).orElseThrow();
        Webhook saved = change("new", Change.CREATED, actor, () -> store.create(values(input, secret), clock.instant()));
        return new Created(saved, generated);
    }

    /** Replaces a subscription's values; no secret keeps the stored one (sealed again for a new URL). */
    public Webhook update(long id, WebhookInput input, String actor) {
        Webhook current = get(id);
        return change(Long.toString(id), Change.UPDATED, actor, () -> {
            String secret = input.secret().isPresent() ? input.secret().get() : secret(current);
            return store.update(id, values(input, secret), clock.instant());
        });
    }

    /** Deletes a subscription and its delivery log. */
    public void delete(long id, String actor) {
        change(Long.toString(id), Change.DELETED, actor, () -> {
            store.delete(id);
            return null;
        });
    }

    /** The subscription's attempts, newest first, at most {@code limit} (capped at {@link #MAX_LOG}). */
    public List<Delivery> deliveries(long id, int limit) {
        get(id);
        return store.deliveries(id, Math.clamp(limit, 1, MAX_LOG));
    }

    /** Queues one more attempt of the event of attempt {@code deliveryId}, due now. */
    public Delivery resend(long id, long deliveryId, String actor) {
        get(id);
        Delivery queued = store.resend(id, deliveryId, clock.instant());
        log.info("webhook re-send queued webhook={} event_id={} attempt={} by={}", id, queued.eventId(),
                queued.attempt(), actor);
        return queued;
    }

    /** Deletes settled attempts older than {@code keep} (pending ones stay); how many went. */
    public int purgeLog(Duration keep) {
        return store.purgeSettled(clock.instant().minus(keep));
    }

    /** Loads the subscriptions from the database (at start, and after another node's change). */
    public void reloadCache() {
        changes.lock();
        try {
            all = store.list();
        } finally {
            changes.unlock();
        }
    }

    private Webhook change(String key, Change change, String actor, Supplier<Webhook> write) {
        Webhook saved;
        changes.lock();
        try {
            saved = write.get();
            all = store.list();
        } finally {
            changes.unlock();
        }
        String id = saved == null ? key : Long.toString(saved.id());
        events.publish(new ConfigChanged(clock.instant(), "webhook", id, change));
        log.info("webhook {} id={} by={}", change.name().toLowerCase(Locale.ROOT), id, actor);
        return saved;
    }

    private NewWebhook values(WebhookInput in, String secret) {
        if (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET) {
            throw new ValidationException("secret", "must be " + MIN_SECRET + " to " + MAX_SECRET + " characters");
        }
        if (in.events() != null) {
            for (String event : in.events()) {
                if (event != null && !WebhookEvents.isKnown(event.strip())) {
                    throw new ValidationException("events", "unknown event '" + event + "'; known: "
                            + String.join(", ", WebhookEvents.NAMES) + ", queue.*, fraud.*");
                }
            }
        }
        // Checked first with a placeholder, so a bad URL is reported before it becomes the seal's owner.
        NewWebhook checked = new NewWebhook(in.url(), "-", in.events(), in.enabled());
        return new NewWebhook(checked.url(), cipher.seal(owner(checked.url()), secret), checked.events(), in.enabled());
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The associated data of a sealed secret: the URL it signs for. */
    private static String owner(String url) {
        return "webhook:" + url;
    }
}
