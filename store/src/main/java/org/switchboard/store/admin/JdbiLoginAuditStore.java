package org.switchboard.store.admin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.switchboard.store.db.Database;

/** {@link LoginAuditStore} on the shared {@link Database}; the only SQL for {@code admin_logins}. Thread-safe. */
public final class JdbiLoginAuditStore implements LoginAuditStore {
    private static final int MAX_USERNAME = 200;
    private static final String COLUMNS = "id, username, address, result, at";
    private static final RowMapper<LoginAttempt> MAPPER = (rs, ctx) -> new LoginAttempt(
            rs.getLong("id"),
            rs.getString("username"),
            rs.getString("address"),
            LoginResult.fromWire(rs.getString("result")),
            Instant.ofEpochMilli(rs.getLong("at")));

    private final Database database;

    public JdbiLoginAuditStore(Database database) {
        this.database = database;
    }

    @Override
    public LoginAttempt record(String username, String address, LoginResult result, Instant at) {
        String name = username.length() > MAX_USERNAME ? username.substring(0, MAX_USERNAME) : username;
        return database.write(h -> h.createQuery("INSERT INTO admin_logins (username, address, result, at) "
                        + "VALUES (:username, :address, :result, :at) RETURNING " + COLUMNS)
                .bind("username", name)
                .bind("address", address)
                .bind("result", result.wireName())
                .bind("at", at)
                .map(MAPPER)
                .one());
    }

    @Override
    public List<LoginAttempt> newest(Optional<String> username, int limit) {
        String where = username.isPresent() ? " WHERE username = :username" : "";
        return database.read(h -> {
            var query = h.createQuery("SELECT " + COLUMNS + " FROM admin_logins" + where + " ORDER BY at DESC, id DESC LIMIT :limit")
                    .bind("limit", limit);
            username.ifPresent(u -> query.bind("username", u));
            return query.map(MAPPER).list();
        });
    }

    @Override
    public int purgeBefore(Instant before) {
        return database.write(h -> h.createUpdate("DELETE FROM admin_logins WHERE at < :before").bind("before", before).execute());
    }
}
