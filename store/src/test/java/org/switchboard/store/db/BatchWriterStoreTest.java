package org.switchboard.store.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.switchboard.store.db.BatchWriter.Overflow;
import org.switchboard.store.db.BatchWriter.Settings;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

class BatchWriterStoreTest {
    private static final Duration LONG = Duration.ofHours(1);
    private static final Duration SHORT = Duration.ofMillis(20);

    /** A fact: the last-seen value of a key, as a registrar refresh would be. */
    record Seen(String key, long value) {}

    /** Upserts into {@code seen}, remembering each batch it was given. */
    static final class SeenSink implements BatchSink<Seen> {
        final List<List<Seen>> batches = new CopyOnWriteArrayList<>();

        @Override
        public void write(Handle h, List<Seen> batch) {
            var insert = h.prepareBatch("INSERT INTO seen (k, v) VALUES (:key, :value) ON CONFLICT (k) DO UPDATE SET v = excluded.v");
            batch.forEach(s -> insert.bind("key", s.key()).bind("value", s.value()).add());
            insert.execute();
            batches.add(List.copyOf(batch));
        }
    }

    private static void createTable(Database db) {
        db.execute(h -> h.execute("CREATE TABLE seen (k TEXT PRIMARY KEY, v BIGINT NOT NULL)"));
    }

    private static Map<String, Long> rows(Database db) {
        return db.read(h -> h.createQuery("SELECT k, v FROM seen").map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    private static Settings settings(int capacity, int batchSize, Duration maxDelay, Overflow overflow) {
        return new Settings(capacity, batchSize, maxDelay, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(30), overflow);
    }

    @Test
    void metricsShowTheQueueDepthAndWhatWasWritten() {
        try (TestDatabase db = TestDatabases.sqlite()) {
            createTable(db.database());
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            BatchWriter<Seen> writer = new BatchWriter<>("seen", db.database(), settings(100, 50, LONG, Overflow.WAIT), Seen::key, new SeenSink());
            writer.bindMetrics(registry);
            writer.submit(new Seen("a", 1));
            writer.submit(new Seen("b", 2));

            assertThat(registry.get("switchboard.write_behind.queued").tag("name", "seen").gauge().value()).isEqualTo(2);
            writer.close();
            assertThat(registry.get("switchboard.write_behind.queued").tag("name", "seen").gauge().value()).isZero();
            assertThat(registry.get("switchboard.write_behind.written").tag("name", "seen").functionCounter().count()).isEqualTo(2);
            assertThat(registry.get("switchboard.write_behind.batches").tag("name", "seen").functionCounter().count()).isEqualTo(1);
        }
    }

    @BothEngines
    void batchIsWrittenAsSoonAsBatchSizeItemsWait(TestDatabase db) {
        createTable(db.database());
        SeenSink sink = new SeenSink();
        try (BatchWriter<Seen> writer = new BatchWriter<>("seen", db.database(), settings(100, 3, LONG, Overflow.WAIT), Seen::key, sink)) {
            IntStream.range(0, 3).forEach(i -> writer.submit(new Seen("k" + i, i)));

            await().until(() -> rows(db.database()).size() == 3);
            assertThat(sink.batches).hasSize(1);
        }
    }

    @BothEngines
    void fewItemsAreWrittenOnceTheOldestHasWaitedMaxDelay(TestDatabase db) {
        createTable(db.database());
        try (BatchWriter<Seen> writer = new BatchWriter<>("seen", db.database(), settings(100, 50, SHORT, Overflow.WAIT), Seen::key, new SeenSink())) {
            writer.submit(new Seen("a", 1));

            await().until(() -> rows(db.database()).equals(Map.of("a", 1L)));
        }
    }

    @BothEngines
    void refreshesOfOneKeyAreCoalescedIntoOneRowWriteAndCloseFlushes(TestDatabase db) {
        createTable(db.database());
        SeenSink sink = new SeenSink();
        BatchWriter<Seen> writer = new BatchWriter<>("seen", db.database(), settings(100, 50, LONG, Overflow.WAIT), Seen::key, sink);
        IntStream.rangeClosed(1, 10).forEach(i -> writer.submit(new Seen("a", i)));
        writer.submit(new Seen("b", 7));

        writer.close();

        assertThat(sink.batches).containsExactly(List.of(new Seen("a", 10), new Seen("b", 7)));
        assertThat(rows(db.database())).isEqualTo(Map.of("a", 10L, "b", 7L));
        assertThat(writer.stats().written()).isEqualTo(2);
    }

    @Test
    void fullQueueWithWaitKeepsEveryItemWithoutBlockingTheCaller() {
        try (TestDatabase db = TestDatabases.sqlite()) {
            // No table yet: the first batch keeps failing, so the queue stays full while we submit.
            BatchWriter<Seen> writer = new BatchWriter<>("seen", db.database(),
                    new Settings(2, 1, SHORT, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(30), Overflow.WAIT),
                    Seen::key, new SeenSink());
            writer.submit(new Seen("first", 0));
            await().until(() -> writer.stats().failures() > 0);
            List.of("a", "b", "c", "d").forEach(k -> writer.submit(new Seen(k, 1)));
            assertThat(writer.stats().overflowed()).as("c and d found the queue full").isEqualTo(2);
            createTable(db.database());

            writer.close();

            assertThat(rows(db.database())).containsOnlyKeys("first", "a", "b", "c", "d");
            assertThat(writer.stats().dropped()).isZero();
        }
    }

    @Test
    void fullQueueWithDropOldestDropsAndCountsTheOldest() {
        try (TestDatabase db = TestDatabases.sqlite()) {
            // No table yet: the first batch keeps failing, so the queue stays full while we submit.
            BatchWriter<Seen> writer = new BatchWriter<>("seen", db.database(),
                    new Settings(2, 1, SHORT, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(30), Overflow.DROP_OLDEST),
                    Seen::key, new SeenSink());
            writer.submit(new Seen("first", 0));
            await().until(() -> writer.stats().failures() > 0);
            writer.submit(new Seen("a", 1));
            writer.submit(new Seen("b", 2));
            writer.submit(new Seen("c", 3));
            createTable(db.database());

            writer.close();

            assertThat(writer.stats().dropped()).isEqualTo(1);
            assertThat(rows(db.database())).isEqualTo(Map.of("first", 0L, "b", 2L, "c", 3L));
        }
    }

    @Test
    void failedBatchIsRetriedUntilItCommits() {
        try (TestDatabase db = TestDatabases.sqlite()) {
            BatchWriter<Seen> writer = new BatchWriter<>("seen", db.database(), settings(100, 1, SHORT, Overflow.WAIT), Seen::key, new SeenSink());
            writer.submit(new Seen("a", 1));
            await().until(() -> writer.stats().failures() >= 2);

            createTable(db.database());

            await().until(() -> rows(db.database()).equals(Map.of("a", 1L)));
            writer.close();
            assertThat(writer.stats().written()).isEqualTo(1);
        }
    }

    @Test
    void submitAfterCloseIsRefused() {
        try (TestDatabase db = TestDatabases.sqlite()) {
            BatchWriter<Seen> writer = new BatchWriter<>("seen", db.database(), settings(10, 1, SHORT, Overflow.WAIT), Seen::key, new SeenSink());
            writer.close();

            assertThatThrownBy(() -> writer.submit(new Seen("a", 1))).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }
    }
}
