package org.switchboard.store.admin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.Engine;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.NotFoundException;

/** {@link AdminUserStore} on the shared {@link Database}; the only SQL for {@code admin_users}. Thread-safe. */
public final class JdbiAdminUserStore implements AdminUserStore {
    private static final String COLUMNS = "id, username, password_hash, role, created_at, updated_at";
    private static final RowMapper<AdminUser> MAPPER = (rs, ctx) -> new AdminUser(
            rs.getLong("id"),
            rs.getString("username"),
            rs.getString("password_hash"),
            AdminRole.fromWire(rs.getString("role"), "role"),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at")));

    private final Database database;

    public JdbiAdminUserStore(Database database) {
        this.database = database;
    }

    @Override
    public AdminUser create(String username, String passwordHash, AdminRole role, Instant now) {
        String name = Fields.required(username, "username");
        Fields.check(name.length() <= 100, "username", "must be at most 100 characters");
        String hash = Fields.required(passwordHash, "password_hash");
        return database.write(h -> h.createQuery("INSERT INTO admin_users (username, password_hash, role, created_at, updated_at) "
                        + "VALUES (:username, :hash, :role, :now, :now) RETURNING " + COLUMNS)
                .bind("username", name)
                .bind("hash", hash)
                .bind("role", role.wireName())
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
    public AdminUser changeRole(long id, AdminRole role, Instant now) {
        return database.write(h -> {
            AdminUser current = byId(h, id);
            if (role != AdminRole.ADMINISTRATOR) {
                requireAnotherAdministrator(h, current, "role", "the last administrator cannot be demoted");
            }
            return h.createQuery("UPDATE admin_users SET role = :role, updated_at = :now WHERE id = :id RETURNING " + COLUMNS)
                    .bind("id", id)
                    .bind("role", role.wireName())
                    .bind("now", now)
                    .map(MAPPER)
                    .one();
        });
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
            requireAnotherAdministrator(h, byId(h, id), "username", "the last administrator cannot be deleted");
            h.createUpdate("DELETE FROM admin_users WHERE id = :id").bind("id", id).execute();
        });
    }

    private static AdminUser byId(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM admin_users WHERE id = :id")
                .bind("id", id)
                .map(MAPPER)
                .findOne()
                .orElseThrow(() -> new NotFoundException("admin user", "id " + id));
    }

    /**
     * Refuses a change that would take away {@code user}'s administrator role when nobody else has
     * it. On PostgreSQL the administrators' rows are locked first, so two such changes serialise;
     * SQLite's write transactions already do ({@code BEGIN IMMEDIATE}).
     */
    private void requireAnotherAdministrator(Handle h, AdminUser user, String field, String message) {
        if (user.role() != AdminRole.ADMINISTRATOR) {
            return;
        }
        String lock = database.engine() == Engine.POSTGRESQL ? " FOR UPDATE" : "";
        List<Long> administrators = h.createQuery("SELECT id FROM admin_users WHERE role = 'administrator'" + lock)
                .mapTo(Long.class)
                .list();
        if (administrators.size() <= 1) {
            throw new ConflictException(field, message);
        }
    }

    @Override
    public long count() {
        return database.read(h -> h.createQuery("SELECT COUNT(*) FROM admin_users").mapTo(Long.class).one());
    }
}
