package org.switchboard.store.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.store.db.DatabaseSettings.SqliteSynchronous;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void concurrentReadThenWriteTransactionsOnSqliteAllCommit() throws Exception {
        try (Database database = Database.open(DatabaseSettings.sqlite(dir.resolve("c.db")))) {
            database.execute(h -> h.execute("CREATE TABLE counter (n BIGINT NOT NULL)"));
            database.execute(h -> h.execute("INSERT INTO counter (n) VALUES (0)"));
            int threads = 4;
            int each = 25;
            try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < each; i++) {
                            // Read, then write: a deferred transaction gets SQLITE_BUSY here; BEGIN IMMEDIATE waits its turn.
                            database.execute(h -> {
                                long n = h.createQuery("SELECT n FROM counter").mapTo(Long.class).one();
                                h.createUpdate("UPDATE counter SET n = :n").bind("n", n + 1).execute();
                            });
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            }
            long n = database.read(h -> h.createQuery("SELECT n FROM counter").mapTo(Long.class).one());
            assertThat(n).isEqualTo((long) threads * each);
        }
    }

    @Test
    void unreachablePostgresqlIsUnavailableNamingTheUrlButNotTheQuery() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/sb?password=hunter2";

        assertThatThrownBy(() -> Database.open(DatabaseSettings.of(url, "postgres", "")))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:" + closedPort + "/sb")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void sqliteSynchronousFullIsApplied() {
        DatabaseSettings settings = new DatabaseSettings("jdbc:sqlite:" + dir.resolve("f.db"), "", "", 2, SqliteSynchronous.FULL);
        try (Database database = Database.open(settings)) {
            String level = database.read(h -> h.createQuery("PRAGMA synchronous").mapTo(String.class).one());
            assertThat(level).as("2 = FULL").isEqualTo("2");
        }
    }

    @Test
    void sqliteFolderThatCannotBeCreatedIsAValidationErrorOnTheUrl() throws IOException {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");

        assertThatThrownBy(() -> Database.open(DatabaseSettings.sqlite(file.resolve("sub/sb.db"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("database.url"))
                .hasMessageContaining("plain-file");
    }

    @Test
    void engineComesFromTheUrl() {
        assertThat(Engine.fromJdbcUrl("jdbc:sqlite:/var/lib/sb.db")).isEqualTo(Engine.SQLITE);
        assertThat(Engine.fromJdbcUrl("jdbc:postgresql://db/sb")).isEqualTo(Engine.POSTGRESQL);
        assertThatThrownBy(() -> Engine.fromJdbcUrl("jdbc:mysql://db/sb"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("database.url"));
        assertThatThrownBy(() -> Engine.fromJdbcUrl(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void settingsHidePasswordAndCheckPoolSize() {
        DatabaseSettings settings = DatabaseSettings.of("jdbc:postgresql://db/sb", "sb", "s3cret");

        assertThat(settings.toString()).doesNotContain("s3cret");
        assertThat(settings.poolSize()).isEqualTo(DatabaseSettings.POSTGRESQL_DEFAULT_POOL_SIZE);
        assertThat(DatabaseSettings.sqlite(dir.resolve("x.db")).poolSize()).isEqualTo(4);
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:sqlite:x.db", "", "", 0, SqliteSynchronous.NORMAL))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("database.pool_size"));
    }

    @Test
    void sqliteFileIsReadFromTheUrl() {
        assertThat(DatabaseSettings.of("jdbc:sqlite:/var/lib/sb/sb.db?foo=1", "", "").sqliteFile()).contains(Path.of("/var/lib/sb/sb.db"));
        assertThat(DatabaseSettings.of("jdbc:sqlite::memory:", "", "").sqliteFile()).isEmpty();
        assertThat(DatabaseSettings.of("jdbc:postgresql://db/sb", "", "").sqliteFile()).isEmpty();
    }
}
