package org.switchboard.store.fraud;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.NotFoundException;

/**
 * The only SQL for {@code fraud_blocked_patterns}; a second row with the same prefix is a conflict
 * on {@code prefix}. Thread-safe; blocking: call from worker or virtual threads.
 */
public final class JdbiBlockedPatternStore {
    private static final String COLUMNS = "id, prefix, reason, enabled, created_at, updated_at";
    private static final RowMapper<BlockedPattern> MAPPER = (rs, ctx) -> new BlockedPattern(
            rs.getLong("id"),
            new NewBlockedPattern(rs.getString("prefix"), rs.getString("reason"), rs.getBoolean("enabled")),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at")));

    private final Database database;

    public JdbiBlockedPatternStore(Database database) {
        this.database = database;
    }

    public List<BlockedPattern> list() {
        return database.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM fraud_blocked_patterns ORDER BY prefix")
                .map(MAPPER).list());
    }

    public BlockedPattern create(NewBlockedPattern p, Instant now) {
        return database.write(h -> h.createQuery("""
                        INSERT INTO fraud_blocked_patterns (prefix, reason, enabled, created_at, updated_at)
                        VALUES (:prefix, :reason, :enabled, :now, :now)
                        RETURNING\s""" + COLUMNS)
                .bind("prefix", p.prefix()).bind("reason", p.reason()).bind("enabled", p.enabled()).bind("now", now)
                .map(MAPPER).one());
    }

    public BlockedPattern update(long id, NewBlockedPattern p, Instant now) {
        return database.write(h -> h.createQuery("""
                        UPDATE fraud_blocked_patterns SET prefix = :prefix, reason = :reason, enabled = :enabled,
                               updated_at = :now
                        WHERE id = :id
                        RETURNING\s""" + COLUMNS)
                .bind("id", id).bind("prefix", p.prefix()).bind("reason", p.reason()).bind("enabled", p.enabled())
                .bind("now", now)
                .map(MAPPER).findOne()
                .orElseThrow(() -> new NotFoundException("blocked pattern", Long.toString(id))));
    }

    public void delete(long id) {
        database.execute(h -> {
            if (h.createUpdate("DELETE FROM fraud_blocked_patterns WHERE id = :id").bind("id", id).execute() == 0) {
                throw new NotFoundException("blocked pattern", Long.toString(id));
            }
        });
    }
}
