package org.switchboard.store.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.NotFoundException;

/** {@link MailOutboxStore} on the shared {@link Database}; the only SQL for {@code voicemail_outbox}. Thread-safe. */
public final class JdbiMailOutboxStore implements MailOutboxStore {
    private static final String COLUMNS = "id, box, message_id, recipient, caller_number, caller_name, received_at,"
            + " duration_ms, audio, attempts, next_attempt_at, last_error, created_at, updated_at";
    /** Errors are kept for the operator's eye, not whole stack traces. */
    private static final int MAX_ERROR = 500;
    private static final RowMapper<OutboxMail> MAPPER = (rs, ctx) -> new OutboxMail(
            rs.getLong("id"),
            new NewOutboxMail(rs.getString("box"), rs.getLong("message_id"), rs.getString("recipient"),
                    rs.getString("caller_number"), rs.getString("caller_name"),
                    Instant.ofEpochMilli(rs.getLong("received_at")), Duration.ofMillis(rs.getLong("duration_ms")),
                    rs.getBytes("audio")),
            rs.getInt("attempts"),
            Instant.ofEpochMilli(rs.getLong("next_attempt_at")),
            Optional.ofNullable(rs.getString("last_error")),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at")));

    private final Database database;

    public JdbiMailOutboxStore(Database database) {
        this.database = database;
    }

    @Override
    public OutboxMail add(NewOutboxMail mail, Instant now) {
        return database.write(h -> h.createQuery("""
                        INSERT INTO voicemail_outbox (box, message_id, recipient, caller_number, caller_name,
                               received_at, duration_ms, audio, attempts, next_attempt_at, created_at, updated_at)
                        VALUES (:box, :messageId, :recipient, :callerNumber, :callerName, :receivedAt, :durationMs,
                               :audio, 0, :now, :now, :now)
                        RETURNING\s""" + COLUMNS)
                .bind("box", mail.box())
                .bind("messageId", mail.messageId())
                .bind("recipient", mail.recipient())
                .bind("callerNumber", mail.callerNumber())
                .bind("callerName", mail.callerName())
                .bind("receivedAt", mail.receivedAt().toEpochMilli())
                .bind("durationMs", mail.duration().toMillis())
                .bind("audio", mail.audio())
                .bind("now", now.toEpochMilli())
                .map(MAPPER)
                .one());
    }

    @Override
    public List<OutboxMail> due(Instant now, int limit) {
        return database.read(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM voicemail_outbox WHERE next_attempt_at <= :now ORDER BY next_attempt_at, id LIMIT :limit")
                .bind("now", now.toEpochMilli())
                .bind("limit", limit)
                .map(MAPPER)
                .list());
    }

    @Override
    public boolean claim(long id, Instant seenDue, Instant until, Instant now) {
        return database.write(h -> h.createUpdate("""
                        UPDATE voicemail_outbox SET next_attempt_at = :until, updated_at = :now
                        WHERE id = :id AND next_attempt_at = :seen""")
                .bind("id", id)
                .bind("seen", seenDue.toEpochMilli())
                .bind("until", until.toEpochMilli())
                .bind("now", now.toEpochMilli())
                .execute()) == 1;
    }

    @Override
    public boolean delivered(long id) {
        return database.write(h -> h.createUpdate("DELETE FROM voicemail_outbox WHERE id = :id")
                .bind("id", id)
                .execute()) > 0;
    }

    @Override
    public void failed(long id, String error, Instant next, Instant now) {
        String kept = error == null ? "" : error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
        database.execute(h -> {
            int updated = h.createUpdate("""
                            UPDATE voicemail_outbox SET attempts = attempts + 1, last_error = :error,
                                   next_attempt_at = :next, updated_at = :now
                            WHERE id = :id""")
                    .bind("id", id)
                    .bind("error", kept)
                    .bind("next", next.toEpochMilli())
                    .bind("now", now.toEpochMilli())
                    .execute();
            if (updated == 0) {
                throw new NotFoundException("voicemail mail", Long.toString(id));
            }
        });
    }

    @Override
    public int pending() {
        return database.read(h -> h.createQuery("SELECT COUNT(*) FROM voicemail_outbox").mapTo(Integer.class).one());
    }

    @Override
    public Optional<Instant> nextDue() {
        return database.read(h -> h.createQuery("SELECT MIN(next_attempt_at) FROM voicemail_outbox")
                .mapTo(Long.class).findOne().map(Instant::ofEpochMilli));
    }
}
