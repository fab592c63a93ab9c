package org.switchboard.store.admin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.Fields;

/** {@link AdminTokenStore} on the shared {@link Database}; the only SQL for {@code admin_tokens}. Thread-safe. */
public final class JdbiAdminTokenStore implements AdminTokenStore {
    private static final RowMapper<AdminToken> MAPPER = (rs, ctx) -> new AdminToken(
            rs.getLong("id"),
            rs.getLong("admin_user_id"),
            rs.getString("username"),
            AdminRole.fromWire(rs.getString("role"), "role"),
            Optional.ofNullable(rs.getString("name")),
            Optional.ofNullable(rs.getString("scope")).map(s -> AdminRole.fromWire(s, "scope")),
            Instant.ofEpochMilli(rs.getLong("expires_at")),
            Instant.ofEpochMilli(rs.getLong("created_at")));

    private final Database database;

    public JdbiAdminTokenStore(Database database) {
        this.database = database;
    }

    @Override
    public AdminToken create(long adminUserId, String tokenHash, Instant expiresAt, Instant now) {
        String hash = Fields.required(tokenHash, "token_hash");
        Fields.check(expiresAt.isAfter(now), "expires_at", "must be in the future");
        return database.write(h -> {
            long id = h.createQuery("INSERT INTO admin_tokens (token_hash, admin_user_id, expires_at, created_at) "
                            + "VALUES (:hash, :user, :expires, :now) RETURNING id")
                    .bind("hash", hash)
                    .bind("user", adminUserId)
                    .bind("expires", expiresAt)
                    .bind("now", now)
                    .mapTo(Long.class)
                    .one();
            return h.createQuery(select("t.id = :id")).bind("id", id).map(MAPPER).one();
        });
    }

    @Override
    public AdminToken createApiToken(long adminUserId, String tokenHash, String name, AdminRole scope, Instant expiresAt,
                                     Instant now) {
        String hash = Fields.required(tokenHash, "token_hash");
        String label = Fields.required(name, "name");
        Fields.check(label.length() <= 100, "name", "must be at most 100 characters");
        Fields.check(expiresAt.isAfter(now), "expires_at", "must be in the future");
        return database.write(h -> {
            long id = h.createQuery("INSERT INTO admin_tokens (token_hash, admin_user_id, name, scope, expires_at, created_at) "
                            + "VALUES (:hash, :user, :name, :scope, :expires, :now) RETURNING id")
                    .bind("hash", hash)
                    .bind("user", adminUserId)
                    .bind("name", label)
                    .bind("scope", scope.wireName())
                    .bind("expires", expiresAt)
                    .bind("now", now)
                    .mapTo(Long.class)
                    .one();
            return h.createQuery(select("t.id = :id")).bind("id", id).map(MAPPER).one();
        });
    }

    @Override
    public List<AdminToken> listApiTokens(long adminUserId, Instant now) {
        return database.read(h -> h.createQuery(select(
                        "t.admin_user_id = :user AND t.scope IS NOT NULL AND t.expires_at > :now") + " ORDER BY t.created_at DESC, t.id DESC")
                .bind("user", adminUserId)
                .bind("now", now)
                .map(MAPPER)
                .list());
    }

    @Override
    public boolean deleteApiToken(long adminUserId, long id) {
        return database.write(h -> h.createUpdate(
                        "DELETE FROM admin_tokens WHERE id = :id AND admin_user_id = :user AND scope IS NOT NULL")
                .bind("id", id)
                .bind("user", adminUserId)
                .execute()) > 0;
    }

    @Override
    public Optional<AdminToken> findValid(String tokenHash, Instant now) {
        return database.read(h -> h.createQuery(select("t.token_hash = :hash AND t.expires_at > :now"))
                .bind("hash", tokenHash)
                .bind("now", now)
                .map(MAPPER)
                .findOne());
    }

    @Override
    public boolean delete(String tokenHash) {
        return database.write(h -> h.createUpdate("DELETE FROM admin_tokens WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .execute()) > 0;
    }

    @Override
    public int deleteForUser(long adminUserId) {
        return database.write(h -> h.createUpdate("DELETE FROM admin_tokens WHERE admin_user_id = :user")
                .bind("user", adminUserId)
                .execute());
    }

    @Override
    public int purgeExpired(Instant now) {
        return database.write(h -> h.createUpdate("DELETE FROM admin_tokens WHERE expires_at <= :now")
                .bind("now", now)
                .execute());
    }

    private static String select(String where) {
        return "SELECT t.id, t.admin_user_id, u.username, u.role, t.name, t.scope, t.expires_at, t.created_at "
                + "FROM admin_tokens t JOIN admin_users u ON u.id = t.admin_user_id WHERE " + where;
    }
}
