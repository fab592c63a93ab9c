package org.switchboard.store.testkit;

import java.util.Objects;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.DatabaseSettings;
import org.switchboard.store.db.Engine;

/**
 * A migrated database for one test: a SQLite file in a temporary folder or a PostgreSQL database
 * copied from the run's template. {@link #close()} closes the pool and deletes the file or drops
 * the database. Use from one test thread at a time ({@link #database()} itself is thread-safe).
 */
public final class TestDatabase implements AutoCloseable {
    private final DatabaseSettings settings;
    private final Runnable dispose;
    private Database database;

    TestDatabase(DatabaseSettings settings, Runnable dispose) {
        this.settings = settings;
        this.dispose = dispose;
        this.database = Database.open(settings);
    }

    /** The open, migrated database. */
    public Database database() {
        return database;
    }

    public Engine engine() {
        return settings.engine();
    }

    /** The JDBC URL of this database, for a server started in-process by the test. */
    public String jdbcUrl() {
        return settings.url();
    }

    /** The full settings (URL, user, password), e.g. to open a second {@link Database} on the same data. */
    public DatabaseSettings settings() {
        return settings;
    }

    /**
     * Closes the pool and opens a new one on the same file or database, migrating again (which
     * must be a no-op): what a server restart does. Returns the new database, also given by {@link #database()}.
     */
    public Database restart() {
        database.close();
        database = Database.open(settings);
        return database;
    }

    @Override
    public void close() {
        try {
            database.close();
        } finally {
            dispose.run();
        }
    }

    @Override
    public String toString() {
        return Objects.toString(engine()) + " " + jdbcUrl();
    }
}
