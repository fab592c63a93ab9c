package org.switchboard.store.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.switchboard.store.db.DatabaseSettings;
import org.switchboard.store.db.Engine;

/**
 * Opens a fresh migrated {@link TestDatabase} of either engine, for tests that need one outside
 * {@link BothEngines} (e.g. an api or server test starting the whole server in-process). Close
 * the result when done. Thread-safe.
 */
public final class TestDatabases {
    private TestDatabases() {}

    /** A fresh database of {@code engine}; on PostgreSQL skips (or fails with {@code CI=true}) when the server is unreachable. */
    public static TestDatabase open(Engine engine) {
        return switch (engine) {
            case SQLITE -> sqlite();
            case POSTGRESQL -> postgresql();
        };
    }

    /** A migrated SQLite file (a copy of this run's template) in a new temporary folder, deleted on close. */
    public static TestDatabase sqlite() {
        Path dir = createTempDir();
        Path file = dir.resolve("switchboard.db");
        SqliteTemplate.copyTo(file);
        return new TestDatabase(DatabaseSettings.sqlite(file), () -> deleteTree(dir));
    }

    /** A PostgreSQL database copied from this run's migrated template, dropped on close. */
    public static TestDatabase postgresql() {
        PostgresServer server = PostgresServer.shared();
        String name = server.createFromTemplate();
        return new TestDatabase(server.settingsFor(name), () -> server.dropLater(name));
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("sb-store-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete test database folder " + dir, e);
        }
    }
}
