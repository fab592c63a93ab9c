package org.switchboard.store.provisioning;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.switchboard.store.db.BatchSink;
import org.switchboard.store.db.Database;

/**
 * {@link RegisteredPhoneStore} on the shared {@link Database}; the only SQL for the
 * {@code registered_phones} table. Thread-safe.
 */
public final class JdbiRegisteredPhoneStore implements RegisteredPhoneStore {
    private static final String COLUMNS = "id, mac_address, extension_number, user_agent, ip_address, contact_uri, "
            + "first_registered_at, last_registered_at, updated_at, auth_user";
    private static final RowMapper<RegisteredPhone> MAPPER = (rs, ctx) -> new RegisteredPhone(
            rs.getLong("id"),
            rs.getString("mac_address"),
            rs.getString("extension_number"),
            rs.getString("user_agent"),
            rs.getString("ip_address"),
            rs.getString("contact_uri"),
            Instant.ofEpochMilli(rs.getLong("first_registered_at")),
            Instant.ofEpochMilli(rs.getLong("last_registered_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at")),
            rs.getString("auth_user"));

    // INSERT ... SELECT ... WHERE EXISTS: a sighting for an extension deleted meanwhile inserts
    // nothing instead of failing the foreign key and with it the whole write-behind batch.
    // (SQLite needs a WHERE in an INSERT ... SELECT upsert anyway, to parse ON CONFLICT.)
    private static final String INSERT = """
            INSERT INTO registered_phones (mac_address, extension_number, user_agent, ip_address, contact_uri,
                                           first_registered_at, last_registered_at, updated_at, auth_user)
            SELECT :mac, :extension, :userAgent, :ip, :contact, :seenAt, :seenAt, :seenAt, :authUser
            WHERE EXISTS (SELECT 1 FROM extensions WHERE number = :extension)
            """;
    private static final String REFRESH = """
            DO UPDATE SET user_agent = excluded.user_agent, ip_address = excluded.ip_address,
                          contact_uri = excluded.contact_uri, auth_user = excluded.auth_user,
                          last_registered_at = excluded.last_registered_at, updated_at = excluded.updated_at
            """;
    private static final String BY_MAC = INSERT + "ON CONFLICT (extension_number, mac_address) " + REFRESH
            + "RETURNING " + COLUMNS;
    private static final String BY_IP = INSERT + "ON CONFLICT (extension_number, ip_address) " + REFRESH
            + "RETURNING " + COLUMNS;

    private final Database database;

    public JdbiRegisteredPhoneStore(Database database) {
        this.database = database;
    }

    @Override
    public Optional<RegisteredPhone> record(PhoneSighting sighting) {
        return database.write(h -> upsert(h, sighting));
    }

    @Override
    public int recordAll(List<PhoneSighting> sightings) {
        return database.write(h -> {
            int stored = 0;
            for (PhoneSighting s : sightings) {
                stored += upsert(h, s).isPresent() ? 1 : 0;
            }
            return stored;
        });
    }

    @Override
    public BatchSink<PhoneSighting> batchSink() {
        return (handle, batch) -> batch.forEach(s -> upsert(handle, s));
    }

    @Override
    public List<RegisteredPhone> findByMac(String macAddress) {
        return database.read(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM registered_phones WHERE mac_address = :mac ORDER BY extension_number")
                .bind("mac", macAddress)
                .map(MAPPER)
                .list());
    }

    @Override
    public List<RegisteredPhone> findByExtension(String extensionNumber) {
        return database.read(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM registered_phones WHERE extension_number = :extension"
                        + " ORDER BY last_registered_at DESC, id")
                .bind("extension", extensionNumber)
                .map(MAPPER)
                .list());
    }

    @Override
    public List<RegisteredPhone> list() {
        return database.read(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM registered_phones ORDER BY extension_number, last_registered_at DESC, id")
                .map(MAPPER)
                .list());
    }

    @Override
    public int deleteSeenBefore(Instant cutoff) {
        return database.write(h -> h.createUpdate("DELETE FROM registered_phones WHERE last_registered_at < :cutoff")
                .bind("cutoff", cutoff)
                .execute());
    }

    private static Optional<RegisteredPhone> upsert(Handle h, PhoneSighting s) {
        if (s.macAddress() != null) {
            makeRoomForMac(h, s);
        }
        return h.createQuery(s.macAddress() != null ? BY_MAC : BY_IP)
                .bind("mac", s.macAddress())
                .bind("extension", s.extensionNumber())
                .bind("userAgent", s.userAgent())
                .bind("ip", s.ipAddress())
                .bind("contact", s.contactUri())
                .bind("seenAt", s.seenAt())
                .bind("authUser", s.authUser())
                .map(MAPPER)
                .findOne();
    }

    /**
     * Before a phone with a MAC takes (MAC, extension) at an address, the address must be free
     * for that extension: a row of another MAC there is a phone that left (DHCP gave its address
     * to this one) and goes; a MAC-less row there is most likely this very phone before it told
     * its MAC, so it is adopted (keeping its first sighting) unless this MAC already has a row.
     */
    private static void makeRoomForMac(Handle h, PhoneSighting s) {
        h.createUpdate("""
                        DELETE FROM registered_phones
                        WHERE extension_number = :extension AND ip_address = :ip
                          AND mac_address IS NOT NULL AND mac_address <> :mac""")
                .bind("extension", s.extensionNumber())
                .bind("ip", s.ipAddress())
                .bind("mac", s.macAddress())
                .execute();
        h.createUpdate("""
                        UPDATE registered_phones SET mac_address = :mac
                        WHERE extension_number = :extension AND ip_address = :ip AND mac_address IS NULL
                          AND NOT EXISTS (SELECT 1 FROM registered_phones r
                                          WHERE r.extension_number = :extension AND r.mac_address = :mac)""")
                .bind("extension", s.extensionNumber())
                .bind("ip", s.ipAddress())
                .bind("mac", s.macAddress())
                .execute();
        h.createUpdate("""
                        DELETE FROM registered_phones
                        WHERE extension_number = :extension AND ip_address = :ip AND mac_address IS NULL""")
                .bind("extension", s.extensionNumber())
                .bind("ip", s.ipAddress())
                .execute();
    }
}
