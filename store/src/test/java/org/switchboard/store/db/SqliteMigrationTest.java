package org.switchboard.store.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteMigrationTest {

    @TempDir
    Path dir;

    @Test
    void pinnedFlywayMigratesSqliteFileInNewFolderWithConnectionPragmas() {
        Path file = dir.resolve("nested/folder/switchboard.db");
        try (Database db = Database.open(DatabaseSettings.sqlite(file))) {
            assertThat(file).exists();
            assertThat(db.engine()).isEqualTo(Engine.SQLITE);
            assertThat(Integer.parseInt(db.schemaVersion())).as("last applied migration").isGreaterThanOrEqualTo(3);
            List<String> tables = db.read(h -> h.createQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").mapTo(String.class).list());
            assertThat(tables).contains("applied_seeds", "extensions", "admin_users", "admin_tokens");
            assertThat(pragma(db, "foreign_keys")).isEqualTo("1");
            assertThat(pragma(db, "busy_timeout")).isEqualTo("5000");
            assertThat(pragma(db, "journal_mode")).isEqualToIgnoringCase("wal");
            assertThat(pragma(db, "synchronous")).as("1 = NORMAL").isEqualTo("1");
            assertThat(db.isReachable()).isTrue();
        }
    }

    private static String pragma(Database db, String name) {
        return db.read(h -> h.createQuery("PRAGMA " + name).mapTo(String.class).one());
    }
}
