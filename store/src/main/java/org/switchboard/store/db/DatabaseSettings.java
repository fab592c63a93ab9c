package org.switchboard.store.db;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to reach the database: JDBC URL, credentials (ignored by SQLite), pool size and the SQLite
 * {@code synchronous} level. Immutable; any thread.
 *
 * @param user       empty for SQLite
 * @param password   empty for SQLite or trust authentication
 * @param poolSize   connections kept open; SQLite has one writer at a time, so 4 is plenty
 */
public record DatabaseSettings(String url, String user, String password, int poolSize, SqliteSynchronous sqliteSynchronous) {

    /** The pool size used when none is configured for SQLite. */
    public static final int SQLITE_DEFAULT_POOL_SIZE = 4;
    /** The pool size used when none is configured for PostgreSQL. */
    public static final int POSTGRESQL_DEFAULT_POOL_SIZE = 10;

    public DatabaseSettings {
        url = Fields.required(url, "database.url");
        Engine.fromJdbcUrl(url);
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        Fields.check(poolSize >= 1 && poolSize <= 200, "database.pool_size", "must be between 1 and 200");
        sqliteSynchronous = sqliteSynchronous == null ? SqliteSynchronous.NORMAL : sqliteSynchronous;
    }

    /** Settings with the engine's default pool size and {@code synchronous=NORMAL}. */
    public static DatabaseSettings of(String url, String user, String password) {
        int pool = Engine.fromJdbcUrl(url) == Engine.SQLITE ? SQLITE_DEFAULT_POOL_SIZE : POSTGRESQL_DEFAULT_POOL_SIZE;
        return new DatabaseSettings(url, user, password, pool, SqliteSynchronous.NORMAL);
    }

    /** A SQLite file with the defaults. */
    public static DatabaseSettings sqlite(Path file) {
        return of("jdbc:sqlite:" + file.toAbsolutePath(), "", "");
    }

    /** Which engine the URL names. */
    public Engine engine() {
        return Engine.fromJdbcUrl(url);
    }

    /** The SQLite file named by the URL; empty for PostgreSQL or an in-memory SQLite URL. */
    public Optional<Path> sqliteFile() {
        if (engine() != Engine.SQLITE) {
            return Optional.empty();
        }
        String rest = url.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        String file = query >= 0 ? rest.substring(0, query) : rest;
        if (file.startsWith("file:")) {
            file = file.substring("file:".length());
        }
        if (file.isEmpty() || file.equals(":memory:") || file.contains("mode=memory")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(file));
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", password=***, poolSize=" + poolSize
                + ", sqliteSynchronous=" + sqliteSynchronous + "]";
    }

    /** SQLite {@code PRAGMA synchronous} levels offered to operators (persistence.md, SQLite settings). */
    public enum SqliteSynchronous {
        /** In WAL mode a commit survives a process crash; a power loss may lose the last commits. */
        NORMAL,
        /** Also survives a power loss, at the cost of an fsync per commit. */
        FULL
    }
}
