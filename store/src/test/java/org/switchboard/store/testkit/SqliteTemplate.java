package org.switchboard.store.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.DatabaseSettings;

/**
 * A SQLite file migrated once per JVM; each test copies it instead of running every migration
 * again (the copy is still opened through {@link Database#open}, whose migration is then a
 * no-op). Deleted when the JVM exits. Thread-safe.
 */
final class SqliteTemplate {
    private static final Object LOCK = new Object();
    private static Path template;

    private SqliteTemplate() {}

    /** Copies the migrated template to {@code target}. */
    static void copyTo(Path target) {
        try {
            Files.copy(template(), target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the SQLite template to " + target, e);
        }
    }

    private static Path template() throws IOException {
        synchronized (LOCK) {
            if (template == null) {
                Path dir = Files.createTempDirectory("sb-sqlite-template-");
                Path file = dir.resolve("template.db");
                // Closing the last connection checkpoints the WAL into the main file, so the file alone is complete.
                Database.open(DatabaseSettings.sqlite(file)).close();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> TestDatabases.deleteTree(dir), "sb-test-sqlite-template-drop"));
                template = file;
            }
            return template;
        }
    }
}
