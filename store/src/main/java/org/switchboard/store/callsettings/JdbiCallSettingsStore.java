package org.switchboard.store.callsettings;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;

/** {@link CallSettingsStore} on the shared {@link Database}; the only SQL for {@code call_settings}. Thread-safe. */
public final class JdbiCallSettingsStore implements CallSettingsStore {
    private static final String COLUMNS = "extension_number, forward_always_enabled, forward_always_target, "
            + "forward_busy_enabled, forward_busy_target, forward_no_answer_enabled, forward_no_answer_target, "
            + "no_answer_timeout_seconds, do_not_disturb, moh_class, media_encryption, created_at, updated_at";
    private static final RowMapper<CallSettings> MAPPER = (rs, ctx) -> new CallSettings(
            rs.getString("extension_number"),
            new NewCallSettings(
                    new Forwarding(rs.getBoolean("forward_always_enabled"), rs.getString("forward_always_target")),
                    new Forwarding(rs.getBoolean("forward_busy_enabled"), rs.getString("forward_busy_target")),
                    new Forwarding(rs.getBoolean("forward_no_answer_enabled"), rs.getString("forward_no_answer_target")),
                    rs.getInt("no_answer_timeout_seconds"),
                    rs.getBoolean("do_not_disturb"),
                    rs.getString("moh_class"),
                    MediaEncryption.fromWireName(rs.getString("media_encryption")).orElseThrow()),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at")));

    private final Database database;

    public JdbiCallSettingsStore(Database database) {
        this.database = database;
    }

    // INSERT ... SELECT ... WHERE EXISTS: an unknown extension inserts nothing, which is reported
    // as not found on both engines (SQLite's foreign-key error does not name the column).
    @Override
    public CallSettings save(String extensionNumber, NewCallSettings s, Instant now) {
        return database.write(h -> {
            checkMohClass(h, s.mohClass());
            return h.createQuery("""
                        INSERT INTO call_settings (extension_number, forward_always_enabled, forward_always_target,
                               forward_busy_enabled, forward_busy_target, forward_no_answer_enabled,
                               forward_no_answer_target, no_answer_timeout_seconds, do_not_disturb, moh_class, media_encryption,
                               created_at, updated_at)
                        SELECT :number, :alwaysOn, :always, :busyOn, :busy, :noAnswerOn, :noAnswer, :timeout, :dnd, :moh,
                               :encryption, :now, :now
                        WHERE EXISTS (SELECT 1 FROM extensions WHERE number = :number)
                        ON CONFLICT (extension_number) DO UPDATE SET
                               forward_always_enabled = excluded.forward_always_enabled,
                               forward_always_target = excluded.forward_always_target,
                               forward_busy_enabled = excluded.forward_busy_enabled,
                               forward_busy_target = excluded.forward_busy_target,
                               forward_no_answer_enabled = excluded.forward_no_answer_enabled,
                               forward_no_answer_target = excluded.forward_no_answer_target,
                               no_answer_timeout_seconds = excluded.no_answer_timeout_seconds,
                               do_not_disturb = excluded.do_not_disturb,
                               moh_class = excluded.moh_class,
                               media_encryption = excluded.media_encryption,
                               updated_at = excluded.updated_at
                        RETURNING\s""" + COLUMNS)
                .bind("number", extensionNumber)
                .bind("alwaysOn", s.forwardAlways().enabled())
                .bind("always", s.forwardAlways().target())
                .bind("busyOn", s.forwardBusy().enabled())
                .bind("busy", s.forwardBusy().target())
                .bind("noAnswerOn", s.forwardNoAnswer().enabled())
                .bind("noAnswer", s.forwardNoAnswer().target())
                .bind("timeout", s.noAnswerTimeoutSeconds())
                .bind("dnd", s.doNotDisturb())
                .bind("moh", s.mohClass())
                .bind("encryption", s.mediaEncryption().wireName())
                .bind("now", now)
                .map(MAPPER)
                .findOne()
                .orElseThrow(() -> new NotFoundException("extension", extensionNumber));
        });
    }

    // Checked here, in the saving transaction, so the field is named on both engines (SQLite's
    // foreign-key error names no column); the foreign key still guards every other path.
    private static void checkMohClass(Handle h, String mohClass) {
        if (mohClass != null && h.createQuery("SELECT COUNT(*) FROM moh_classes WHERE name = :name")
                .bind("name", mohClass).mapTo(Integer.class).one() == 0) {
            throw new ValidationException("moh_class", "no music-on-hold class named '" + mohClass + "'");
        }
    }

    @Override
    public Optional<CallSettings> find(String extensionNumber) {
        return database.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM call_settings WHERE extension_number = :number")
                .bind("number", extensionNumber)
                .map(MAPPER)
                .findOne());
    }

    @Override
    public List<CallSettings> list() {
        return database.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM call_settings ORDER BY extension_number")
                .map(MAPPER)
                .list());
    }

    @Override
    public void delete(String extensionNumber) {
        database.execute(h -> {
            if (h.createUpdate("DELETE FROM call_settings WHERE extension_number = :number")
                    .bind("number", extensionNumber).execute() == 0) {
                throw new NotFoundException("call settings", "of extension " + extensionNumber);
            }
        });
    }
}
