package org.switchboard.store.recording;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.NotFoundException;

/** {@link RecordingStore} on the shared {@link Database}; the only SQL for call recording's tables. Thread-safe. */
public final class JdbiRecordingStore implements RecordingStore {
    private static final String RETENTION = "default";
    private static final String COLUMNS = "id, call_id, extension, started_at, duration_seconds, file, legal_hold";
    private static final RowMapper<CallRecording> RECORDING = (rs, ctx) -> new CallRecording(
            rs.getLong("id"), rs.getString("call_id"), rs.getString("extension"),
            Instant.ofEpochMilli(rs.getLong("started_at")), rs.getInt("duration_seconds"), rs.getString("file"),
            rs.getBoolean("legal_hold"));
    private static final RowMapper<ExtensionRecording> POLICY = (rs, ctx) -> new ExtensionRecording(
            rs.getString("extension_number"), RecordingPolicy.of(rs.getString("policy")), rs.getBoolean("announcement"));

    private final Database database;

    public JdbiRecordingStore(Database database) {
        this.database = database;
    }

    @Override
    public List<ExtensionRecording> policies() {
        return database.read(h -> h.createQuery(
                "SELECT extension_number, policy, announcement FROM recording_policies ORDER BY extension_number")
                .map(POLICY).list());
    }

    @Override
    public ExtensionRecording savePolicy(ExtensionRecording settings, Instant now) {
        return database.write(h -> {
            int updated = h.createUpdate("""
                    UPDATE recording_policies SET policy = :policy, announcement = :announcement, updated_at = :now
                    WHERE extension_number = :extension""")
                    .bind("policy", settings.policy().label()).bind("announcement", settings.announcement())
                    .bind("now", now.toEpochMilli()).bind("extension", settings.extension()).execute();
            if (updated == 0) {
                h.createUpdate("""
                        INSERT INTO recording_policies (extension_number, policy, announcement, updated_at)
                        VALUES (:extension, :policy, :announcement, :now)""")
                        .bind("policy", settings.policy().label()).bind("announcement", settings.announcement())
                        .bind("now", now.toEpochMilli()).bind("extension", settings.extension()).execute();
            }
            return settings;
        });
    }

    @Override
    public CallRecording add(NewCallRecording recording) {
        return database.write(h -> {
            long id = h.createUpdate("""
                    INSERT INTO call_recordings (call_id, extension, started_at, duration_seconds, file, legal_hold)
                    VALUES (:call_id, :extension, :started_at, :duration_seconds, :file, FALSE)""")
                    .bind("call_id", recording.callId()).bind("extension", recording.extension())
                    .bind("started_at", recording.startedAt().toEpochMilli())
                    .bind("duration_seconds", recording.durationSeconds()).bind("file", recording.file())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return byId(h, id).orElseThrow();
        });
    }

    @Override
    public Optional<CallRecording> find(long id) {
        return database.read(h -> byId(h, id));
    }

    @Override
    public List<CallRecording> list(RecordingQuery query, int limit) {
        // only the filters given become conditions: PostgreSQL cannot type a parameter bound to NULL alone
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        query.extension().ifPresent(x -> where.append(" AND extension = :extension"));
        query.callId().ifPresent(x -> where.append(" AND call_id = :call_id"));
        query.from().ifPresent(x -> where.append(" AND started_at >= :from"));
        query.until().ifPresent(x -> where.append(" AND started_at < :until"));
        return database.read(h -> {
            Query select = h.createQuery("SELECT " + COLUMNS + " FROM call_recordings" + where
                    + " ORDER BY started_at DESC, id DESC LIMIT :limit").bind("limit", limit);
            query.extension().ifPresent(x -> select.bind("extension", x));
            query.callId().ifPresent(x -> select.bind("call_id", x));
            query.from().ifPresent(x -> select.bind("from", x.toEpochMilli()));
            query.until().ifPresent(x -> select.bind("until", x.toEpochMilli()));
            return select.map(RECORDING).list();
        });
    }

    @Override
    public CallRecording setLegalHold(long id, boolean legalHold) {
        return database.write(h -> {
            int updated = h.createUpdate("UPDATE call_recordings SET legal_hold = :hold WHERE id = :id")
                    .bind("hold", legalHold).bind("id", id).execute();
            if (updated == 0) {
                throw new NotFoundException("recording", Long.toString(id));
            }
            return byId(h, id).orElseThrow();
        });
    }

    @Override
    public void delete(long id) {
        database.write(h -> {
            if (h.createUpdate("DELETE FROM call_recordings WHERE id = :id").bind("id", id).execute() == 0) {
                throw new NotFoundException("recording", Long.toString(id));
            }
            return null;
        });
    }

    @Override
    public List<CallRecording> expired(Instant before) {
        return database.read(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM call_recordings WHERE started_at < :before AND legal_hold = FALSE ORDER BY started_at, id")
                .bind("before", before.toEpochMilli()).map(RECORDING).list());
    }

    @Override
    public Optional<Integer> retentionDays() {
        return database.read(h -> h.createQuery(
                "SELECT max_age_days FROM recording_retention_policies WHERE name = :name")
                .bind("name", RETENTION).mapTo(Integer.class).findOne());
    }

    @Override
    public void saveRetentionDays(Optional<Integer> days, Instant now) {
        database.write(h -> {
            h.createUpdate("DELETE FROM recording_retention_policies WHERE name = :name").bind("name", RETENTION)
                    .execute();
            days.ifPresent(d -> h.createUpdate("""
                    INSERT INTO recording_retention_policies (name, max_age_days, updated_at)
                    VALUES (:name, :days, :now)""")
                    .bind("name", RETENTION).bind("days", d).bind("now", now.toEpochMilli()).execute());
            return null;
        });
    }

    private static Optional<CallRecording> byId(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM call_recordings WHERE id = :id")
                .bind("id", id).map(RECORDING).findOne();
    }
}
