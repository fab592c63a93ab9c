package org.switchboard.store.provisioning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;
import org.switchboard.store.db.BatchSink;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.NotFoundException;

/**
 * {@link ProvisionedDeviceStore} on the shared {@link Database}; the only SQL for the
 * {@code provisioned_devices} table. Thread-safe.
 */
public final class JdbiProvisionedDeviceStore implements ProvisionedDeviceStore {
    private static final String COLUMNS = "id, mac_address, extension_number, vendor, model, static_ip, config_url, "
            + "sip_secret, auth_user, ha1_md5, ha1_sha256, realm, last_provisioned_at, created_at, updated_at";
    private static final RowMapper<ProvisionedDevice> MAPPER = (rs, ctx) -> {
        long lastProvisioned = rs.getLong("last_provisioned_at");
        Instant lastProvisionedAt = rs.wasNull() ? null : Instant.ofEpochMilli(lastProvisioned);
        String authUser = rs.getString("auth_user");
        DeviceLogin login = authUser == null ? null
                : new DeviceLogin(authUser, rs.getString("ha1_md5"), rs.getString("ha1_sha256"), rs.getString("realm"));
        return new ProvisionedDevice(
                rs.getLong("id"),
                rs.getString("mac_address"),
                rs.getString("extension_number"),
                rs.getString("vendor"),
                rs.getString("model"),
                rs.getString("static_ip"),
                rs.getString("config_url"),
                rs.getString("sip_secret"),
                login,
                lastProvisionedAt,
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")));
    };

    private final Database database;

    public JdbiProvisionedDeviceStore(Database database) {
        this.database = database;
    }

    @Override
    public ProvisionedDevice create(NewProvisionedDevice device, Instant now) {
        return database.write(h -> insert(h, device, now));
    }

    @Override
    public List<ProvisionedDevice> createAll(List<NewProvisionedDevice> devices, Instant now) {
        return database.write(h -> {
            List<ProvisionedDevice> created = new ArrayList<>(devices.size());
            for (NewProvisionedDevice d : devices) {
                created.add(insert(h, d, now));
            }
            return List.copyOf(created);
        });
    }

    @Override
    public ProvisionedDevice update(long id, NewProvisionedDevice device, Instant now) {
        return database.write(h -> bindFields(h.createQuery("""
                        UPDATE provisioned_devices SET mac_address = :mac, extension_number = :extension,
                               vendor = :vendor, model = :model, static_ip = :staticIp, config_url = :configUrl,
                               sip_secret = :sipSecret, auth_user = :authUser, ha1_md5 = :ha1Md5,
                               ha1_sha256 = :ha1Sha256, realm = :realm,
                               updated_at = :now
                        WHERE id = :id
                        RETURNING\s""" + COLUMNS), device)
                .bind("id", id)
                .bind("now", now)
                .map(MAPPER)
                .findOne()
                .orElseThrow(() -> new NotFoundException("provisioned_device", "id " + id)));
    }

    @Override
    public boolean markProvisioned(String macAddress, Instant at) {
        return database.write(h -> h.createUpdate(
                        "UPDATE provisioned_devices SET last_provisioned_at = :at WHERE mac_address = :mac")
                .bind("at", at)
                .bind("mac", macAddress)
                .execute()) == 1;
    }

    @Override
    public BatchSink<ProvisioningFetch> fetchSink() {
        return (h, batch) -> {
            var update = h.prepareBatch("""
                    UPDATE provisioned_devices SET last_provisioned_at = :at
                    WHERE mac_address = :mac AND (last_provisioned_at IS NULL OR last_provisioned_at < :at)""");
            for (ProvisioningFetch f : batch) {
                update.bind("at", f.at()).bind("mac", f.macAddress()).add();
            }
            update.execute();
        };
    }

    @Override
    public Optional<ProvisionedDevice> findByMac(String macAddress) {
        return database.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM provisioned_devices WHERE mac_address = :mac")
                .bind("mac", macAddress)
                .map(MAPPER)
                .findOne());
    }

    @Override
    public Optional<ProvisionedDevice> findByAuthUser(String authUser) {
        return database.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM provisioned_devices WHERE auth_user = :user")
                .bind("user", authUser)
                .map(MAPPER)
                .findOne());
    }

    @Override
    public List<ProvisionedDevice> findByExtension(String extensionNumber) {
        return database.read(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM provisioned_devices WHERE extension_number = :extension ORDER BY mac_address")
                .bind("extension", extensionNumber)
                .map(MAPPER)
                .list());
    }

    @Override
    public List<ProvisionedDevice> list() {
        return database.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM provisioned_devices ORDER BY mac_address")
                .map(MAPPER)
                .list());
    }

    @Override
    public void delete(long id) {
        database.execute(h -> {
            if (h.createUpdate("DELETE FROM provisioned_devices WHERE id = :id").bind("id", id).execute() == 0) {
                throw new NotFoundException("provisioned_device", "id " + id);
            }
        });
    }

    private static ProvisionedDevice insert(Handle h, NewProvisionedDevice device, Instant now) {
        return bindFields(h.createQuery("""
                        INSERT INTO provisioned_devices (mac_address, extension_number, vendor, model, static_ip,
                                                         config_url, sip_secret, auth_user, ha1_md5, ha1_sha256, realm,
                                                         created_at, updated_at)
                        VALUES (:mac, :extension, :vendor, :model, :staticIp, :configUrl, :sipSecret, :authUser,
                                :ha1Md5, :ha1Sha256, :realm, :now, :now)
                        RETURNING\s""" + COLUMNS), device)
                .bind("now", now)
                .map(MAPPER)
                .one();
    }

    private static <S extends SqlStatement<S>> S bindFields(S statement, NewProvisionedDevice d) {
        return statement
                .bind("mac", d.macAddress())
                .bind("extension", d.extensionNumber())
                .bind("vendor", d.vendor())
                .bind("model", d.model())
                .bind("staticIp", d.staticIp())
                .bind("configUrl", d.configUrl())
                .bind("sipSecret", d.sipSecret())
                .bind("authUser", d.login() == null ? null : d.login().authUser())
                .bind("ha1Md5", d.login() == null ? null : d.login().ha1Md5())
                .bind("ha1Sha256", d.login() == null ? null : d.login().ha1Sha256())
                .bind("realm", d.login() == null ? null : d.login().realm());
    }
}
