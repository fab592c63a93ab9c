package org.switchboard.store.emergency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.NotFoundException;

/**
 * {@link EmergencyStore} on the shared {@link Database}; the only SQL for {@code
 * emergency_settings} and {@code emergency_locations}. Thread-safe.
 */
public final class JdbiEmergencyStore implements EmergencyStore {
    private static final String SETTINGS = "numbers, trunks, callback_number, notify_emails, notify_extension, "
            + "created_at, updated_at";
    private static final String LOCATION = "extension_number, country, state, city, street, house_number, floor, "
            + "room, name, postal_code, created_at, updated_at";
    private static final RowMapper<StoredEmergencySettings> SETTINGS_MAPPER = (rs, ctx) -> new StoredEmergencySettings(
            new EmergencySettings(
                    list(rs.getString("numbers")),
                    list(rs.getString("trunks")),
                    Optional.ofNullable(rs.getString("callback_number")),
                    list(rs.getString("notify_emails")),
                    Optional.ofNullable(rs.getString("notify_extension"))),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at")));
    private static final RowMapper<EmergencyLocation> LOCATION_MAPPER = (rs, ctx) -> new EmergencyLocation(
            rs.getString("extension_number"), civic(rs),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at")));

    private final Database database;

    public JdbiEmergencyStore(Database database) {
        this.database = database;
    }

    @Override
    public Optional<StoredEmergencySettings> settings() {
        return database.read(h -> h.createQuery("SELECT " + SETTINGS + " FROM emergency_settings WHERE id = 1")
                .map(SETTINGS_MAPPER)
                .findOne());
    }

    @Override
    public StoredEmergencySettings saveSettings(EmergencySettings s, Instant now) {
        return database.write(h -> h.createQuery("""
                        INSERT INTO emergency_settings (id, numbers, trunks, callback_number, notify_emails,
                                                        notify_extension, created_at, updated_at)
                        VALUES (1, :numbers, :trunks, :callback_number, :notify_emails, :notify_extension, :now, :now)
                        ON CONFLICT (id) DO UPDATE SET numbers = excluded.numbers, trunks = excluded.trunks,
                            callback_number = excluded.callback_number, notify_emails = excluded.notify_emails,
                            notify_extension = excluded.notify_extension, updated_at = excluded.updated_at
                        RETURNING\s""" + SETTINGS)
                .bind("numbers", String.join(",", s.numbers()))
                .bind("trunks", String.join(",", s.trunks()))
                .bind("callback_number", s.callbackNumber().orElse(null))
                .bind("notify_emails", String.join(",", s.notifyEmails()))
                .bind("notify_extension", s.notifyExtension().orElse(null))
                .bind("now", now.toEpochMilli())
                .map(SETTINGS_MAPPER)
                .one());
    }

    @Override
    public List<EmergencyLocation> locations() {
        return database.read(h -> h.createQuery("SELECT " + LOCATION + " FROM emergency_locations ORDER BY extension_number")
                .map(LOCATION_MAPPER)
                .list());
    }

    @Override
    public Optional<EmergencyLocation> location(String extension) {
        return database.read(h -> h.createQuery("SELECT " + LOCATION
                        + " FROM emergency_locations WHERE extension_number = :extension")
                .bind("extension", extension)
                .map(LOCATION_MAPPER)
                .findOne());
    }

    @Override
    public EmergencyLocation saveLocation(String extension, CivicAddress c, Instant now) {
        return database.write(h -> h.createQuery("""
                        INSERT INTO emergency_locations (extension_number, country, state, city, street, house_number,
                                                         floor, room, name, postal_code, created_at, updated_at)
                        VALUES (:extension, :country, :state, :city, :street, :house_number, :floor, :room, :name,
                                :postal_code, :now, :now)
                        ON CONFLICT (extension_number) DO UPDATE SET country = excluded.country,
                            state = excluded.state, city = excluded.city, street = excluded.street,
                            house_number = excluded.house_number, floor = excluded.floor, room = excluded.room,
                            name = excluded.name, postal_code = excluded.postal_code, updated_at = excluded.updated_at
                        RETURNING\s""" + LOCATION)
                .bind("extension", extension)
                .bind("country", c.country())
                .bind("state", c.state())
                .bind("city", c.city())
                .bind("street", c.street())
                .bind("house_number", c.houseNumber())
                .bind("floor", c.floor().orElse(null))
                .bind("room", c.room().orElse(null))
                .bind("name", c.name().orElse(null))
                .bind("postal_code", c.postalCode().orElse(null))
                .bind("now", now.toEpochMilli())
                .map(LOCATION_MAPPER)
                .one());
    }

    @Override
    public void deleteLocation(String extension) {
        int deleted = database.write(h -> h.createUpdate("DELETE FROM emergency_locations WHERE extension_number = :extension")
                .bind("extension", extension)
                .execute());
        if (deleted == 0) {
            throw new NotFoundException("emergency location", extension);
        }
    }

    private static CivicAddress civic(ResultSet rs) throws SQLException {
        return new CivicAddress(rs.getString("country"), rs.getString("state"), rs.getString("city"),
                rs.getString("street"), rs.getString("house_number"), Optional.ofNullable(rs.getString("floor")),
                Optional.ofNullable(rs.getString("room")), Optional.ofNullable(rs.getString("name")),
                Optional.ofNullable(rs.getString("postal_code")));
    }

    private static List<String> list(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
