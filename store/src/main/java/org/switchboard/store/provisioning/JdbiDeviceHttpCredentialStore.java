package org.switchboard.store.provisioning;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.switchboard.store.db.Database;

/**
 * {@link DeviceHttpCredentialStore} on the shared {@link Database}; the only SQL for
 * {@code provisioning_http_credentials}. Thread-safe.
 */
public final class JdbiDeviceHttpCredentialStore implements DeviceHttpCredentialStore {
    private static final String COLUMNS = "mac_address, username, realm, ha1_md5, created_at, updated_at";
    private static final RowMapper<DeviceHttpCredential> MAPPER = (rs, ctx) -> new DeviceHttpCredential(
            rs.getString("mac_address"),
            rs.getString("username"),
            rs.getString("realm"),
            rs.getString("ha1_md5"),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at")));

    private final Database database;

    public JdbiDeviceHttpCredentialStore(Database database) {
        this.database = database;
    }

    @Override
    public DeviceHttpCredential put(NewDeviceHttpCredential c, Instant now) {
        return database.write(h -> h.createQuery("""
                        INSERT INTO provisioning_http_credentials
                            (mac_address, username, realm, ha1_md5, created_at, updated_at)
                        VALUES (:mac, :username, :realm, :md5, :now, :now)
                        ON CONFLICT (mac_address) DO UPDATE SET username = excluded.username, realm = excluded.realm,
                            ha1_md5 = excluded.ha1_md5, updated_at = excluded.updated_at
                        RETURNING\s""" + COLUMNS)
                .bind("mac", c.macAddress())
                .bind("username", c.username())
                .bind("realm", c.realm())
                .bind("md5", c.ha1Md5())
                .bind("now", now)
                .map(MAPPER)
                .one());
    }

    @Override
    public boolean delete(String macAddress) {
        return database.write(h -> h.createUpdate("DELETE FROM provisioning_http_credentials WHERE mac_address = :mac")
                .bind("mac", macAddress)
                .execute()) > 0;
    }

    @Override
    public Optional<DeviceHttpCredential> findByMac(String macAddress) {
        return database.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM provisioning_http_credentials WHERE mac_address = :mac")
                .bind("mac", macAddress)
                .map(MAPPER)
                .findOne());
    }

    @Override
    public List<DeviceHttpCredential> list() {
        return database.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM provisioning_http_credentials ORDER BY mac_address")
                .map(MAPPER)
                .list());
    }
}
