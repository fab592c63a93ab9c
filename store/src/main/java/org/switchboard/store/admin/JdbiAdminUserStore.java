package org.switchboard.store.admin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.NotFoundException;

/** {@link AdminUserStore} on the shared {@link Database}; the only SQL for {@code admin_users}. Thread-safe. */
public final class JdbiAdminUserStore implements AdminUserStore {
    private static final String COLUMNS = "id, username, password_hash, created_at, updated_at";
    private static final RowMapper<AdminUser> MAPPER = (rs, ctx) -> new AdminUser(
            rs.getLong("id"),
            rs.getString("username"),
            rs.getString("password_hash"),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at")));

    private final Database database;

    public JdbiAdminUserStore(Database database) {
        this.database = database;
    }

    @Override
    public AdminUser create(String username, String passwordHash, Instant now) {
        String name = Fields.required(username, "username");
        Fields.check(name.length() <= 100, "username", "must be at most 100 characters");
        String hash = Fields.required(passwordHash, "password_hash");
        return database.write(h -> h.createQuery("INSERT INTO admin_users (username, password_hash, created_at, updated_at) "
                        + "VALUES (:username, :hash, :now, :now) RETURNING " + COLUMNS)
                .bind("username", name)
                .bind("hash", hash)
                .bind("now", now)
                .map(MAPPER)
                .one());
    }

    @Override
    public AdminUser changePassword(long id, String passwordHash, Instant now) {
        String hash = Fields.required(passwordHash, "password_hash");
        return database.write(h -> h.createQuery("UPDATE admin_users SET password_hash = :hash, updated_at = :now "
                        + "WHERE id = :id RETURNING " + COLUMNS)
                .bind("id", id)
                .bind("hash", hash)
                .bind("now", now)
                .map(MAPPER)
                .findOne()
                .orElseThrow(() -> new NotFoundException("admin user", "id " + id)));
    }

    @Override
    public Optional<AdminUser> findByUsername(String username) {
        return database.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM admin_users WHERE username = :username")
                .bind("username", username)
                .map(MAPPER)
                .findOne());
    }

    @Override
    public List<AdminUser> list() {
        return database.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM admin_users ORDER BY username")
                .map(MAPPER)
                .list());
    }

    @Override
    public void delete(long id) {
        database.execute(h -> {
            if (h.createUpdate("DELETE FROM admin_users WHERE id = :id").bind("id", id).execute() == 0) {
                throw new NotFoundException("admin user", "id " + id);
            }
        });
    }

    @Override
    public long count() {
        return database.read(h -> h.createQuery("SELECT COUNT(*) FROM admin_users").mapTo(Long.class).one());
    }
}
