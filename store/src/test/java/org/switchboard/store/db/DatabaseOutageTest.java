package org.switchboard.store.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.switchboard.store.db.DiskFullTest.capture;
import static org.switchboard.store.db.DiskFullTest.detach;
import static org.switchboard.store.db.DiskFullTest.messages;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.switchboard.store.testkit.TcpProxy;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * A PostgreSQL outage as one test's pool sees it (a {@link TcpProxy} cut between the pool and the
 * shared server, which keeps running for everyone else): once known, every call fails at once
 * instead of waiting for a connection, the outage is logged once, a background probe ends it
 * when the database answers again, and write-behind items queued meanwhile are written then.
 */
class DatabaseOutageTest {

    @Test
    void anOutageFailsFastOnceKnownAndEndsByItselfWhenTheDatabaseAnswers() throws Exception {
        ListAppender<ILoggingEvent> faultLog = capture(DatabaseFaults.class);
        try (TestDatabase db = TestDatabases.postgresql(); TcpProxy proxy = TcpProxy.forPostgresql(db.jdbcUrl());
             Database database = Database.open(new DatabaseSettings(proxy.rewrite(db.jdbcUrl()), db.settings().user(),
                     db.settings().password(), 2, null))) {
            database.execute(h -> h.execute("CREATE TABLE outage_probe (id BIGINT PRIMARY KEY)"));

            proxy.cut();

            assertThatThrownBy(() -> database.execute(h -> h.execute("INSERT INTO outage_probe VALUES (1)")))
                    .as("the first call finds the outage").isInstanceOf(UnavailableException.class).hasCauseInstanceOf(Exception.class);
            assertThat(database.faults().unreachable()).isTrue();
            assertThat(database.isReachable()).isFalse();
            for (int i = 0; i < 50; i++) {
                assertThatThrownBy(() -> database.read(h -> h.createQuery("SELECT COUNT(*) FROM outage_probe").mapTo(Long.class).one()))
                        .as("later calls fail at once, without asking the pool for a connection")
                        .isInstanceOf(UnavailableException.class).hasNoCause()
                        .hasMessageStartingWith("the database is unreachable since");
            }

            proxy.restore();

            await().atMost(Duration.ofSeconds(20)).until(() -> !database.faults().unreachable());
            database.execute(h -> h.execute("INSERT INTO outage_probe VALUES (1)"));
            assertThat(messages(faultLog, Level.WARN)).singleElement().asString().contains("database fault began cause=unreachable");
            assertThat(messages(faultLog, Level.INFO)).singleElement().asString().contains("database fault ended cause=unreachable");
        } finally {
            detach(faultLog, DatabaseFaults.class);
        }
    }

    @Test
    void writeBehindItemsQueuedDuringAnOutageAreWrittenWhenItEnds() throws Exception {
        try (TestDatabase db = TestDatabases.postgresql(); TcpProxy proxy = TcpProxy.forPostgresql(db.jdbcUrl());
             Database database = Database.open(new DatabaseSettings(proxy.rewrite(db.jdbcUrl()), db.settings().user(),
                     db.settings().password(), 2, null))) {
            database.execute(h -> h.execute("CREATE TABLE outage_items (id BIGINT PRIMARY KEY)"));
            BatchWriter.Settings fast = new BatchWriter.Settings(1000, 10, Duration.ofMillis(5), Duration.ofMillis(20),
                    Duration.ofMillis(200), Duration.ofSeconds(5), BatchWriter.Overflow.WAIT);
            try (BatchWriter<Integer> writer = new BatchWriter<>("outage_items", database, fast, i -> i,
                    (h, batch) -> batch.forEach(i -> h.execute("INSERT INTO outage_items VALUES (?) ON CONFLICT DO NOTHING", i)))) {
                proxy.cut();
                for (int i = 0; i < 30; i++) {
                    writer.submit(i);
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> writer.stats().failures() >= 3);

                proxy.restore();

                await().atMost(Duration.ofSeconds(30)).until(() -> writer.stats().written() == 30);
            }
            long rows = db.database().read(h -> h.createQuery("SELECT COUNT(*) FROM outage_items").mapTo(Long.class).one());
            assertThat(rows).isEqualTo(30);
        }
    }
}
