package org.switchboard.store.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.NotFoundException;

/**
 * {@link WebhookStore} on the shared {@link Database}; the only SQL for {@code webhook_subscriptions}
 * and {@code webhook_deliveries}. Thread-safe.
 */
public final class JdbiWebhookStore implements WebhookStore {
    private static final String WEBHOOK_COLUMNS = "id, url, secret_sealed, events, enabled, created_at, updated_at";
    private static final String DELIVERY_COLUMNS = "id, webhook_id, event_id, event, body, attempt, state, status_code,"
            + " error, next_attempt_at, attempted_at, created_at, updated_at";
    private static final RowMapper<Webhook> WEBHOOK = (rs, ctx) -> new Webhook(
            rs.getLong("id"),
            new NewWebhook(rs.getString("url"), rs.getString("secret_sealed"),
                    Arrays.asList(rs.getString("events").split(",")), rs.getBoolean("enabled")),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at")));
    private static final RowMapper<Delivery> DELIVERY = (rs, ctx) -> new Delivery(
            rs.getLong("id"),
            rs.getLong("webhook_id"),
            rs.getString("event_id"),
            rs.getString("event"),
            rs.getString("body"),
            rs.getInt("attempt"),
            DeliveryState.of(rs.getString("state")),
            statusCode(rs),
            Optional.ofNullable(rs.getString("error")),
            instant(rs, "next_attempt_at"),
            instant(rs, "attempted_at"),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at")));

    private final Database database;

    public JdbiWebhookStore(Database database) {
        this.database = database;
    }

    @Override
    public Webhook create(NewWebhook webhook, Instant now) {
        return database.write(h -> h.createQuery("""
                        INSERT INTO webhook_subscriptions (url, secret_sealed, events, enabled, created_at, updated_at)
                        VALUES (:url, :secret, :events, :enabled, :now, :now)
                        RETURNING\s""" + WEBHOOK_COLUMNS)
                .bind("url", webhook.url())
                .bind("secret", webhook.sealedSecret())
                .bind("events", String.join(",", webhook.events()))
                .bind("enabled", webhook.enabled())
                .bind("now", now.toEpochMilli())
                .map(WEBHOOK)
                .one());
    }

    @Override
    public Webhook update(long id, NewWebhook webhook, Instant now) {
        return database.write(h -> h.createQuery("""
                        UPDATE webhook_subscriptions
                        SET url = :url, secret_sealed = :secret, events = :events, enabled = :enabled, updated_at = :now
                        WHERE id = :id
                        RETURNING\s""" + WEBHOOK_COLUMNS)
                .bind("id", id)
                .bind("url", webhook.url())
                .bind("secret", webhook.sealedSecret())
                .bind("events", String.join(",", webhook.events()))
                .bind("enabled", webhook.enabled())
                .bind("now", now.toEpochMilli())
                .map(WEBHOOK)
                .findOne()
                .orElseThrow(() -> new NotFoundException("webhook", Long.toString(id))));
    }

    @Override
    public void delete(long id) {
        int deleted = database.write(h -> h.createUpdate("DELETE FROM webhook_subscriptions WHERE id = :id")
                .bind("id", id)
                .execute());
        if (deleted == 0) {
            throw new NotFoundException("webhook", Long.toString(id));
        }
    }

    @Override
    public Optional<Webhook> find(long id) {
        return database.read(h -> h.createQuery("SELECT " + WEBHOOK_COLUMNS + " FROM webhook_subscriptions WHERE id = :id")
                .bind("id", id)
                .map(WEBHOOK)
                .findOne());
    }

    @Override
    public List<Webhook> list() {
        return database.read(h -> h.createQuery("SELECT " + WEBHOOK_COLUMNS + " FROM webhook_subscriptions ORDER BY id")
                .map(WEBHOOK)
                .list());
    }

    @Override
    public List<Delivery> enqueue(List<Long> webhookIds, String eventId, String event, String body, Instant now) {
        if (webhookIds.isEmpty()) {
            return List.of();
        }
        return database.write(h -> {
            List<Delivery> saved = new ArrayList<>(webhookIds.size());
            for (long webhookId : webhookIds) {
                saved.add(insert(h, webhookId, eventId, event, body, 1, now, now));
            }
            return saved;
        });
    }

    @Override
    public List<Delivery> due(Instant now, int limit) {
        return database.read(h -> h.createQuery("SELECT " + prefixed("d") + """
                         FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.webhook_id
                        WHERE d.state = 'pending' AND d.next_attempt_at <= :now AND s.enabled = TRUE
                        ORDER BY d.next_attempt_at, d.id
                        LIMIT :limit""")
                .bind("now", now.toEpochMilli())
                .bind("limit", limit)
                .map(DELIVERY)
                .list());
    }

    @Override
    public boolean claim(long deliveryId, Instant now, Instant leaseUntil) {
        return database.write(h -> h.createUpdate("""
                        UPDATE webhook_deliveries SET next_attempt_at = :lease, updated_at = :now
                        WHERE id = :id AND state = 'pending' AND next_attempt_at <= :now""")
                .bind("id", deliveryId)
                .bind("lease", leaseUntil.toEpochMilli())
                .bind("now", now.toEpochMilli())
                .execute()) == 1;
    }

    @Override
    public Delivery settle(long deliveryId, Outcome outcome, Instant now) {
        return database.write(h -> {
            Delivery settled = h.createQuery("""
                            UPDATE webhook_deliveries
                            SET state = :state, status_code = :status, error = :error, attempted_at = :attempted,
                                next_attempt_at = NULL, updated_at = :now
                            WHERE id = :id AND state = 'pending'
                            RETURNING\s""" + DELIVERY_COLUMNS)
                    .bind("id", deliveryId)
                    .bind("state", outcome.state().wire())
                    .bind("status", outcome.statusCode().isPresent() ? Integer.valueOf(outcome.statusCode().getAsInt()) : null)
                    .bind("error", outcome.error().orElse(null))
                    .bind("attempted", outcome.attemptedAt().toEpochMilli())
                    .bind("now", now.toEpochMilli())
                    .map(DELIVERY)
                    .findOne()
                    .orElseThrow(() -> new NotFoundException("delivery", Long.toString(deliveryId)));
            outcome.retryAt().ifPresent(at -> insert(h, settled.webhookId(), settled.eventId(), settled.event(),
                    settled.body(), settled.attempt() + 1, at, now));
            return settled;
        });
    }

    @Override
    public List<Delivery> deliveries(long webhookId, int limit) {
        return database.read(h -> h.createQuery("SELECT " + DELIVERY_COLUMNS
                        + " FROM webhook_deliveries WHERE webhook_id = :webhook ORDER BY id DESC LIMIT :limit")
                .bind("webhook", webhookId)
                .bind("limit", limit)
                .map(DELIVERY)
                .list());
    }

    @Override
    public Optional<Delivery> delivery(long webhookId, long deliveryId) {
        return database.read(h -> byId(h, webhookId, deliveryId));
    }

    @Override
    public Delivery resend(long webhookId, long deliveryId, Instant now) {
        return database.write(h -> {
            Delivery from = byId(h, webhookId, deliveryId)
                    .orElseThrow(() -> new NotFoundException("delivery", Long.toString(deliveryId)));
            List<Delivery> attempts = h.createQuery("SELECT " + DELIVERY_COLUMNS
                            + " FROM webhook_deliveries WHERE webhook_id = :webhook AND event_id = :event ORDER BY attempt")
                    .bind("webhook", webhookId)
                    .bind("event", from.eventId())
                    .map(DELIVERY)
                    .list();
            if (attempts.stream().anyMatch(a -> a.state() == DeliveryState.PENDING)) {
                throw new ConflictException("delivery", "an attempt of this event is still pending");
            }
            int next = attempts.getLast().attempt() + 1;
            return insert(h, webhookId, from.eventId(), from.event(), from.body(), next, now, now);
        });
    }

    @Override
    public int purgeSettled(Instant before) {
        return database.write(h -> h.createUpdate(
                        "DELETE FROM webhook_deliveries WHERE state <> 'pending' AND updated_at < :before")
                .bind("before", before.toEpochMilli())
                .execute());
    }

    private static Delivery insert(Handle h, long webhookId, String eventId, String event, String body, int attempt,
            Instant due, Instant now) {
        return h.createQuery("""
                        INSERT INTO webhook_deliveries (webhook_id, event_id, event, body, attempt, state, next_attempt_at,
                                                        created_at, updated_at)
                        VALUES (:webhook, :eventId, :event, :body, :attempt, 'pending', :due, :now, :now)
                        RETURNING\s""" + DELIVERY_COLUMNS)
                .bind("webhook", webhookId)
                .bind("eventId", eventId)
                .bind("event", event)
                .bind("body", body)
                .bind("attempt", attempt)
                .bind("due", due.toEpochMilli())
                .bind("now", now.toEpochMilli())
                .map(DELIVERY)
                .one();
    }

    private static Optional<Delivery> byId(Handle h, long webhookId, long deliveryId) {
        return h.createQuery("SELECT " + DELIVERY_COLUMNS
                        + " FROM webhook_deliveries WHERE id = :id AND webhook_id = :webhook")
                .bind("id", deliveryId)
                .bind("webhook", webhookId)
                .map(DELIVERY)
                .findOne();
    }

    private static String prefixed(String alias) {
        return Arrays.stream(DELIVERY_COLUMNS.split(", ")).map(c -> alias + "." + c)
                .reduce((a, b) -> a + ", " + b).orElseThrow();
    }

    private static OptionalInt statusCode(ResultSet rs) throws SQLException {
        int code = rs.getInt("status_code");
        return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(code);
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }
}
