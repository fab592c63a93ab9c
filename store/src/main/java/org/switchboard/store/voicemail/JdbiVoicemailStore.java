package org.switchboard.store.voicemail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.NotFoundException;

/**
 * {@link VoicemailStore} on the shared {@link Database}; the only SQL for {@code voicemail_boxes}
 * and {@code voicemail_messages}. Thread-safe.
 */
public final class JdbiVoicemailStore implements VoicemailStore {
    private static final String BOX_COLUMNS = "extension_id, enabled, email_messages, max_message_seconds, "
            + "own_phone_skips_pin, failed_pin_count, locked_until, greeting_unavailable, greeting_busy, greeting_name, "
            + "created_at, updated_at";
    private static final String MESSAGE_COLUMNS = "id, extension_id, caller_number, caller_name, received_at, "
            + "duration_ms, folder, audio_file, created_at, updated_at";
    // INSERT ... SELECT ... WHERE EXISTS: an unknown extension inserts nothing, reported as not
    // found on both engines (SQLite's foreign-key error does not say which key).
    private static final String IF_EXTENSION = " WHERE EXISTS (SELECT 1 FROM extensions WHERE id = :ext)";
    private static final RowMapper<StoredBox> BOX = (rs, ctx) -> new StoredBox(
            rs.getLong("extension_id"),
            new BoxSettings(rs.getBoolean("enabled"), rs.getBoolean("email_messages"), rs.getInt("max_message_seconds"),
                    rs.getBoolean("own_phone_skips_pin")),
            rs.getInt("failed_pin_count"),
            instantOrNull(rs, "locked_until"),
            rs.getString("greeting_unavailable"),
            rs.getString("greeting_busy"),
            rs.getString("greeting_name"),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at")));
    private static final RowMapper<StoredMessage> MESSAGE = (rs, ctx) -> new StoredMessage(
            rs.getLong("id"),
            rs.getLong("extension_id"),
            rs.getString("caller_number"),
            rs.getString("caller_name"),
            Instant.ofEpochMilli(rs.getLong("received_at")),
            rs.getLong("duration_ms"),
            rs.getString("folder"),
            rs.getString("audio_file"),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at")));

    private final Database database;

    public JdbiVoicemailStore(Database database) {
        this.database = database;
    }

    @Override
    public Optional<StoredBox> findBox(long extensionId) {
        return database.read(h -> box(h, extensionId));
    }

    @Override
    public List<StoredBox> boxes() {
        return database.read(h -> h.createQuery("SELECT " + BOX_COLUMNS + " FROM voicemail_boxes ORDER BY extension_id")
                .map(BOX)
                .list());
    }

    @Override
    public StoredBox saveSettings(long extensionId, BoxSettings s, Instant now) {
        return database.write(h -> h.createQuery("""
                        INSERT INTO voicemail_boxes (extension_id, enabled, email_messages, max_message_seconds,
                               own_phone_skips_pin, created_at, updated_at)
                        SELECT :ext, :enabled, :emailMessages, :maxSeconds, :ownPhone, :now, :now""" + IF_EXTENSION + """

                        ON CONFLICT (extension_id) DO UPDATE SET
                               enabled = excluded.enabled,
                               email_messages = excluded.email_messages,
                               max_message_seconds = excluded.max_message_seconds,
                               own_phone_skips_pin = excluded.own_phone_skips_pin,
                               updated_at = excluded.updated_at
                        RETURNING\s""" + BOX_COLUMNS)
                .bind("ext", extensionId)
                .bind("enabled", s.enabled())
                .bind("emailMessages", s.emailMessages())
                .bind("maxSeconds", s.maxMessageSeconds())
                .bind("ownPhone", s.ownPhoneSkipsPin())
                .bind("now", now)
                .map(BOX)
                .findOne()
                .orElseThrow(() -> noExtension(extensionId)));
    }

    @Override
    public StoredBox pinFailed(long extensionId, int maxAttempts, Instant lockUntil, Instant now) {
        Fields.check(maxAttempts >= 1, "max_pin_attempts", "must be at least 1");
        return database.write(h -> {
            int failures = h.createQuery("""
                            INSERT INTO voicemail_boxes (extension_id, failed_pin_count, created_at, updated_at)
                            SELECT :ext, 1, :now, :now""" + IF_EXTENSION + """

                            ON CONFLICT (extension_id) DO UPDATE SET
                                   failed_pin_count = voicemail_boxes.failed_pin_count + 1,
                                   updated_at = excluded.updated_at
                            RETURNING failed_pin_count""")
                    .bind("ext", extensionId)
                    .bind("now", now)
                    .mapTo(Integer.class)
                    .findOne()
                    .orElseThrow(() -> noExtension(extensionId));
            if (failures >= maxAttempts) {
                h.createUpdate("UPDATE voicemail_boxes SET failed_pin_count = 0, locked_until = :until WHERE extension_id = :ext")
                        .bind("until", lockUntil)
                        .bind("ext", extensionId)
                        .execute();
            }
            return box(h, extensionId).orElseThrow();
        });
    }

    @Override
    public void pinAccepted(long extensionId, Instant now) {
        // Only a row that holds a count or a lock is touched: a right PIN is the common case.
        database.execute(h -> h.createUpdate("""
                        UPDATE voicemail_boxes SET failed_pin_count = 0, locked_until = NULL, updated_at = :now
                        WHERE extension_id = :ext AND (failed_pin_count <> 0 OR locked_until IS NOT NULL)""")
                .bind("ext", extensionId)
                .bind("now", now)
                .execute());
    }

    @Override
    public Optional<String> setGreeting(long extensionId, GreetingKind kind, String file, Instant now) {
        Fields.check(VoicemailFiles.isFileName(file), "file", "must be a plain file name in the box's folder");
        String column = kind.column();
        return database.write(h -> {
            Optional<String> previous = box(h, extensionId).flatMap(b -> b.greeting(kind));
            h.createUpdate("INSERT INTO voicemail_boxes (extension_id, " + column + ", created_at, updated_at) "
                            + "SELECT :ext, :file, :now, :now" + IF_EXTENSION
                            + " ON CONFLICT (extension_id) DO UPDATE SET " + column + " = excluded." + column
                            + ", updated_at = excluded.updated_at")
                    .bind("ext", extensionId)
                    .bind("file", file)
                    .bind("now", now)
                    .execute();
            box(h, extensionId).orElseThrow(() -> noExtension(extensionId));
            return previous;
        });
    }

    @Override
    public StoredMessage addMessage(NewMessage m, Instant now) {
        return database.write(h -> h.createQuery("""
                        INSERT INTO voicemail_messages (extension_id, caller_number, caller_name, received_at, duration_ms,
                               folder, audio_file, created_at, updated_at)
                        SELECT :ext, :callerNumber, :callerName, :receivedAt, :durationMs, 'new', :audioFile, :now, :now"""
                        + IF_EXTENSION + "\nRETURNING " + MESSAGE_COLUMNS)
                .bind("ext", m.extensionId())
                .bind("callerNumber", m.callerNumber())
                .bind("callerName", m.callerName())
                .bind("receivedAt", m.receivedAt())
                .bind("durationMs", m.durationMs())
                .bind("audioFile", m.audioFile())
                .bind("now", now)
                .map(MESSAGE)
                .findOne()
                .orElseThrow(() -> noExtension(m.extensionId())));
    }

    @Override
    public List<StoredMessage> messages(long extensionId, String folder) {
        String where = folder == null ? "extension_id = :ext" : "extension_id = :ext AND folder = :folder";
        return database.read(h -> {
            var query = h.createQuery("SELECT " + MESSAGE_COLUMNS + " FROM voicemail_messages WHERE " + where
                            + " ORDER BY received_at, id")
                    .bind("ext", extensionId);
            if (folder != null) {
                query.bind("folder", folder);
            }
            return query.map(MESSAGE).list();
        });
    }

    @Override
    public Optional<StoredMessage> message(long extensionId, long id) {
        return database.read(h -> h.createQuery("SELECT " + MESSAGE_COLUMNS + " FROM voicemail_messages "
                        + "WHERE extension_id = :ext AND id = :id")
                .bind("ext", extensionId)
                .bind("id", id)
                .map(MESSAGE)
                .findOne());
    }

    @Override
    public boolean moveMessage(long extensionId, long id, String folder, Instant now) {
        Fields.check("new".equals(folder) || "old".equals(folder), "folder", "must be new or old");
        return database.write(h -> h.createUpdate("""
                        UPDATE voicemail_messages SET folder = :folder, updated_at = :now
                        WHERE extension_id = :ext AND id = :id""")
                .bind("folder", folder)
                .bind("now", now)
                .bind("ext", extensionId)
                .bind("id", id)
                .execute() == 1);
    }

    @Override
    public Optional<StoredMessage> deleteMessage(long extensionId, long id) {
        return database.write(h -> h.createQuery("DELETE FROM voicemail_messages WHERE extension_id = :ext AND id = :id "
                        + "RETURNING " + MESSAGE_COLUMNS)
                .bind("ext", extensionId)
                .bind("id", id)
                .map(MESSAGE)
                .findOne());
    }

    @Override
    public MessageCounts counts(long extensionId) {
        return database.read(h -> h.createQuery("""
                        SELECT COALESCE(SUM(CASE WHEN folder = 'new' THEN 1 ELSE 0 END), 0) AS new_count,
                               COALESCE(SUM(CASE WHEN folder = 'old' THEN 1 ELSE 0 END), 0) AS old_count
                        FROM voicemail_messages WHERE extension_id = :ext""")
                .bind("ext", extensionId)
                .map((rs, ctx) -> new MessageCounts(rs.getInt("new_count"), rs.getInt("old_count")))
                .one());
    }

    @Override
    public Map<Long, Set<String>> filesInUse() {
        return database.read(h -> {
            Map<Long, Set<String>> files = new TreeMap<>();
            h.createQuery("""
                            SELECT extension_id, audio_file AS file FROM voicemail_messages
                            UNION ALL SELECT extension_id, greeting_unavailable FROM voicemail_boxes WHERE greeting_unavailable IS NOT NULL
                            UNION ALL SELECT extension_id, greeting_busy FROM voicemail_boxes WHERE greeting_busy IS NOT NULL
                            UNION ALL SELECT extension_id, greeting_name FROM voicemail_boxes WHERE greeting_name IS NOT NULL""")
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .forEach(e -> files.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
            return files;
        });
    }

    private static Optional<StoredBox> box(Handle h, long extensionId) {
        return h.createQuery("SELECT " + BOX_COLUMNS + " FROM voicemail_boxes WHERE extension_id = :ext")
                .bind("ext", extensionId)
                .map(BOX)
                .findOne();
    }

    private static NotFoundException noExtension(long extensionId) {
        return new NotFoundException("extension", "id " + extensionId);
    }

    private static Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
