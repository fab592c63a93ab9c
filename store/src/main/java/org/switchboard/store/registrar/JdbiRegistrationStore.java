package org.switchboard.store.registrar;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.switchboard.store.db.BatchSink;
import org.switchboard.store.db.Database;

/** {@link RegistrationStore} on the shared {@link Database}; the only SQL for {@code registrations}. Thread-safe. */
public final class JdbiRegistrationStore implements RegistrationStore {
    private static final String COLUMNS = "extension_number, contact_uri, instance_id, call_id, cseq, transport, "
            + "source_address, source_port, local_address, local_port, user_agent, expires_at, registered_at, updated_at";
    private static final String VALUES = ":extension, :contact, :instance, :callId, :cseq, :transport, "
            + ":sourceAddress, :sourcePort, :localAddress, :localPort, :userAgent, :expiresAt, :registeredAt, :updatedAt";
    private static final String CHANGEABLE = "instance_id = :instance, call_id = :callId, cseq = :cseq, "
            + "transport = :transport, source_address = :sourceAddress, source_port = :sourcePort, "
            + "local_address = :localAddress, local_port = :localPort, user_agent = :userAgent, "
            + "expires_at = :expiresAt, updated_at = :updatedAt";
    // registered_at stays what the first REGISTER of this contact set.
    // A row written late (deferred through a database outage) never replaces a newer one.
    private static final String UPSERT = "INSERT INTO registrations (" + COLUMNS + ") VALUES (" + VALUES + ") "
            + "ON CONFLICT (extension_number, contact_uri) DO UPDATE SET " + CHANGEABLE
            + " WHERE registrations.updated_at <= :updatedAt";
    // Only an existing row, and only when nothing newer was written through meanwhile: a refresh
    // queued before a removal must not bring the binding back.
    private static final String REFRESH = "UPDATE registrations SET " + CHANGEABLE
            + " WHERE extension_number = :extension AND contact_uri = :contact AND updated_at <= :updatedAt";
    private static final String DELETE =
            "DELETE FROM registrations WHERE extension_number = :extension AND contact_uri = :contact";
    private static final RowMapper<Registration> MAPPER = (rs, ctx) -> new Registration(
            rs.getString("extension_number"),
            rs.getString("contact_uri"),
            Optional.ofNullable(rs.getString("instance_id")),
            rs.getString("call_id"),
            rs.getLong("cseq"),
            rs.getString("transport"),
            rs.getString("source_address"),
            rs.getInt("source_port"),
            rs.getString("local_address"),
            rs.getInt("local_port"),
            rs.getString("user_agent"),
            Instant.ofEpochMilli(rs.getLong("expires_at")),
            Instant.ofEpochMilli(rs.getLong("registered_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at")));

    private final Database database;

    public JdbiRegistrationStore(Database database) {
        this.database = database;
    }

    @Override
    public void write(List<Registration> saved, List<RegistrationKey> removed) {
        database.execute(h -> {
            if (!removed.isEmpty()) {
                PreparedBatch deletes = h.prepareBatch(DELETE);
                removed.forEach(k -> deletes.bind("extension", k.extensionNumber()).bind("contact", k.contactUri()).add());
                deletes.execute();
            }
            if (!saved.isEmpty()) {
                batch(h, UPSERT, saved, true);
            }
        });
    }

    @Override
    public BatchSink<Registration> refreshSink() {
        return (h, batch) -> batch(h, REFRESH, batch, false);
    }

    @Override
    public List<Registration> listLive(Instant now) {
        return database.read(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM registrations WHERE expires_at > :now ORDER BY extension_number, contact_uri")
                .bind("now", now)
                .map(MAPPER)
                .list());
    }

    @Override
    public int deleteExpired(Instant now) {
        return database.write(h -> h.createUpdate("DELETE FROM registrations WHERE expires_at <= :now")
                .bind("now", now)
                .execute());
    }

    private static void batch(Handle h, String sql, List<Registration> rows, boolean withRegisteredAt) {
        PreparedBatch batch = h.prepareBatch(sql);
        for (Registration r : rows) {
            batch.bind("extension", r.extensionNumber())
                    .bind("contact", r.contactUri())
                    .bind("instance", r.instanceId().orElse(null))
                    .bind("callId", r.callId())
                    .bind("cseq", r.cseq())
                    .bind("transport", r.transport())
                    .bind("sourceAddress", r.sourceAddress())
                    .bind("sourcePort", r.sourcePort())
                    .bind("localAddress", r.localAddress())
                    .bind("localPort", r.localPort())
                    .bind("userAgent", r.userAgent())
                    .bind("expiresAt", r.expiresAt())
                    .bind("updatedAt", r.updatedAt());
            if (withRegisteredAt) {
                batch.bind("registeredAt", r.registeredAt());
            }
            batch.add();
        }
        batch.execute();
    }
}
