package org.switchboard.store.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * A full disk, simulated with a size-limited SQLite file ({@code max_page_count}, which fails a
 * write that needs a new page with {@code SQLITE_FULL}, as a full disk does): writes fail with
 * {@link StorageFullException}, the fault is logged once and shown in {@link Database#faults()},
 * and everything recovers by itself when space returns.
 */
class DiskFullTest {
    private static final String ROW = "x".repeat(4000);

    private TestDatabase unlimited;
    private Database limited;
    private final ListAppender<ILoggingEvent> faultLog = capture(DatabaseFaults.class);
    private final ListAppender<ILoggingEvent> writerLog = capture(BatchWriter.class);

    @BeforeEach
    void fillTheDisk() {
        unlimited = TestDatabases.sqlite();
        unlimited.database().execute(h -> h.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)"));
        long pages = unlimited.database().read(h -> h.createQuery("PRAGMA page_count").mapTo(Long.class).one());
        // The limit is per connection, so every pooled connection gets it from the URL.
        limited = Database.open(DatabaseSettings.of(unlimited.jdbcUrl() + "?max_page_count=" + (pages + 8), "", ""));
        try {
            for (int i = 0; i < 1000; i++) {
                limited.execute(h -> h.execute("INSERT INTO filler (payload) VALUES (?)", ROW));
            }
        } catch (StorageFullException expected) {
            return;
        }
        throw new AssertionError("the size-limited file never filled up");
    }

    @AfterEach
    void close() {
        detach(faultLog, DatabaseFaults.class);
        detach(writerLog, BatchWriter.class);
        limited.close();
        unlimited.close();
    }

    @Test
    void aWriteOnAFullDiskSaysSoAndChangesNothing() {
        long before = count();

        assertThatThrownBy(() -> limited.execute(h -> {
            h.execute("DELETE FROM filler WHERE id = (SELECT MIN(id) FROM filler)");
            h.execute("INSERT INTO filler (payload) VALUES (?)", ROW + ROW + ROW);
        }))
                .isInstanceOf(StorageFullException.class)
                .hasMessageContaining("the disk holding the database is full")
                .hasMessageContaining("SQLITE_FULL")
                .hasMessageContaining("nothing was changed");
        assertThat(count()).as("the delete in the same transaction was rolled back").isEqualTo(before);
    }

    @Test
    void theFaultIsLoggedOnceHoweverManyWritesFailAndEndsWhenSpaceReturns() {
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> limited.execute(h -> h.execute("INSERT INTO filler (payload) VALUES (?)", ROW)))
                    .isInstanceOf(StorageFullException.class);
        }
        assertThat(limited.faults().current()).hasValueSatisfying(f -> {
            assertThat(f.kind()).isEqualTo(DatabaseFaults.Kind.DISK_FULL);
            assertThat(f.reason()).startsWith("the disk holding the database is full");
        });
        long rows = limited.read(h -> h.createQuery("SELECT COUNT(*) FROM filler").mapTo(Long.class).one());
        assertThat(rows).as("reads work on a full disk").isPositive();
        assertThat(limited.faults().current()).as("a read does not end a full disk").isPresent();

        limited.execute(h -> h.execute("UPDATE filler SET payload = payload WHERE id = (SELECT MIN(id) FROM filler)"));
        assertThat(limited.faults().current()).as("a write that needs no new page proves nothing").isPresent();

        // Space returns: rows deleted by someone else free pages for the next write.
        unlimited.database().execute(h -> h.execute("DELETE FROM filler"));
        limited.execute(h -> h.execute("INSERT INTO filler (payload) VALUES (?)", ROW));
        // It ends with a write that succeeds a few seconds after the last failure (DISK_FULL_SETTLE).
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
            limited.execute(h -> h.execute("INSERT INTO filler (payload) VALUES (?)", "small"));
            return limited.faults().current().isEmpty();
        });
        assertThat(messages(faultLog, Level.WARN)).singleElement().asString().contains("database fault began cause=disk_full");
        assertThat(messages(faultLog, Level.INFO)).singleElement().asString()
                .contains("database fault ended cause=disk_full").contains("failed_calls=21");
    }

    @Test
    void writeBehindKeepsItsItemsThroughAFullDiskAndLogsOnce() {
        fillUpWith("y".repeat(100));
        String item = "z".repeat(1000);
        BatchWriter.Settings fast = new BatchWriter.Settings(1000, 2, Duration.ofMillis(5), Duration.ofMillis(5),
                Duration.ofMillis(20), Duration.ofSeconds(5), BatchWriter.Overflow.WAIT);
        try (BatchWriter<Integer> writer = new BatchWriter<>("filler", limited, fast, i -> i,
                (h, batch) -> batch.forEach(i -> h.execute("INSERT INTO filler (id, payload) VALUES (?, ?)", 100_000 + i, item)))) {
            for (int i = 0; i < 20; i++) {
                writer.submit(i);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> writer.stats().failures() >= 10);

            unlimited.database().execute(h -> h.execute("DELETE FROM filler"));

            await().atMost(Duration.ofSeconds(10)).until(() -> writer.stats().written() == 20);
        }
        assertThat(count()).isEqualTo(20);
        assertThat(messages(writerLog, Level.WARN)).as("one line while it fails").singleElement().asString()
                .contains("write-behind failing").contains("name=filler").contains("disk holding the database is full");
        assertThat(messages(writerLog, Level.INFO)).filteredOn(m -> m.contains("recovered")).singleElement().asString()
                .contains("write-behind recovered name=filler");
    }

    /** Smaller rows into what the big ones left, so a row of a few hundred bytes no longer fits either. */
    private void fillUpWith(String row) {
        try {
            for (int i = 0; i < 1000; i++) {
                limited.execute(h -> h.execute("INSERT INTO filler (payload) VALUES (?)", row));
            }
        } catch (StorageFullException expected) {
            return;
        }
        throw new AssertionError("the size-limited file never filled up");
    }

    private long count() {
        return unlimited.database().read(h -> h.createQuery("SELECT COUNT(*) FROM filler").mapTo(Long.class).one());
    }

    static List<String> messages(ListAppender<ILoggingEvent> log, Level level) {
        return log.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    static ListAppender<ILoggingEvent> capture(Class<?> type) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(type)).addAppender(appender);
        return appender;
    }

    static void detach(ListAppender<ILoggingEvent> appender, Class<?> type) {
        ((Logger) LoggerFactory.getLogger(type)).detachAppender(appender);
    }
}
