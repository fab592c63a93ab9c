package org.switchboard.store.fraud;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.switchboard.store.db.BatchSink;
import org.switchboard.store.db.Database;

/**
 * The only SQL for {@code fraud_events}: written behind in batches ({@link #batchSink}), read newest
 * first. Thread-safe; blocking: call from worker or virtual threads.
 */
public final class JdbiFraudEventStore {
    private static final String COLUMNS = "id, occurred_at, extension, number, rule, reason, action";
    private static final RowMapper<FraudEvent> MAPPER = (rs, ctx) -> new FraudEvent(
            rs.getLong("id"),
            Instant.ofEpochMilli(rs.getLong("occurred_at")),
            rs.getString("extension"),
            rs.getString("number"),
            rs.getString("rule"),
            rs.getString("reason"),
            rs.getString("action"));

    private final Database database;

    public JdbiFraudEventStore(Database database) {
        this.database = database;
    }

    /**
     * Inserts a batch of events. Not idempotent by key, as events have none: a batch whose commit
     * failed is rolled back whole, so its retry writes each event once.
     */
    public BatchSink<FraudEvent> batchSink() {
        return (h, batch) -> {
            var insert = h.prepareBatch("""
                    INSERT INTO fraud_events (occurred_at, extension, number, rule, reason, action)
                    VALUES (:at, :extension, :number, :rule, :reason, :action)""");
            for (FraudEvent e : batch) {
                insert.bind("at", e.occurredAt()).bind("extension", e.extension()).bind("number", e.number())
                        .bind("rule", e.rule()).bind("reason", e.reason()).bind("action", e.action()).add();
            }
            insert.execute();
        };
    }

    /** Up to {@code limit} events, newest first, of {@code extension} when given. */
    public List<FraudEvent> recent(Optional<String> extension, int limit) {
        return database.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM fraud_events"
                        + (extension.isPresent() ? " WHERE extension = :extension" : "")
                        + " ORDER BY occurred_at DESC, id DESC LIMIT :limit")
                .bind("extension", extension.orElse(null))
                .bind("limit", limit)
                .map(MAPPER).list());
    }
}
