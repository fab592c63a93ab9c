package org.switchboard.store.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.extension.ExtensionStore;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.extension.NewExtension;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class SeedRunnerStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final String MD5 = "0123456789abcdef0123456789abcdef";

    /** The extensions section of a config file: inserts its numbers through the store. */
    private record ExtensionsSeed(ExtensionStore store, List<String> numbers) implements Seed {
        @Override
        public String name() {
            return "extensions";
        }

        @Override
        public boolean hasRows() {
            return store.count() > 0;
        }

        @Override
        public void apply() {
            numbers.forEach(n -> store.create(new NewExtension(n, "Ext " + n, null, MD5, MD5 + MD5, "r", null, false, true, null), T0));
        }
    }

    @BothEngines
    void seedAppliesOnceAndIsIgnoredAfterRestart(TestDatabase db) {
        SeedRunner first = new SeedRunner(db.database(), CLOCK);
        assertThat(first.run(new ExtensionsSeed(new JdbiExtensionStore(db.database()), List.of("1001", "1002"))))
                .isEqualTo(SeedOutcome.SEEDED);

        Database restarted = db.restart();
        JdbiExtensionStore store = new JdbiExtensionStore(restarted);
        store.delete(store.findByNumber("1001").orElseThrow().id());
        SeedOutcome again = new SeedRunner(restarted, CLOCK).run(new ExtensionsSeed(store, List.of("1001", "1003")));

        assertThat(again).isEqualTo(SeedOutcome.ALREADY_APPLIED);
        assertThat(store.list()).extracting(e -> e.number()).containsExactly("1002");
        assertThat(new SeedRunner(restarted, CLOCK).find("extensions"))
                .contains(new AppliedSeed("extensions", T0, SeedOutcome.SEEDED));
    }

    @BothEngines
    void seedIsSkippedWhenTablesAlreadyHoldRows(TestDatabase db) {
        JdbiExtensionStore store = new JdbiExtensionStore(db.database());
        new ExtensionsSeed(store, List.of("2000")).apply();
        SeedRunner runner = new SeedRunner(db.database(), CLOCK);

        assertThat(runner.run(new ExtensionsSeed(store, List.of("1001")))).isEqualTo(SeedOutcome.SKIPPED_NOT_EMPTY);
        assertThat(store.list()).extracting(e -> e.number()).containsExactly("2000");
        assertThat(runner.find("extensions")).map(AppliedSeed::outcome).contains(SeedOutcome.SKIPPED_NOT_EMPTY);
        assertThat(runner.run(new ExtensionsSeed(store, List.of("1001")))).isEqualTo(SeedOutcome.ALREADY_APPLIED);
    }

    @BothEngines
    void failedSeedRollsBackItsClaimAndRowsSoTheNextStartRetries(TestDatabase db) {
        JdbiExtensionStore store = new JdbiExtensionStore(db.database());
        SeedRunner runner = new SeedRunner(db.database(), CLOCK);

        assertThatThrownBy(() -> runner.run(new ExtensionsSeed(store, List.of("1001", " "))))
                .isInstanceOf(ValidationException.class);

        assertThat(store.count()).as("the first row is rolled back with the claim").isZero();
        assertThat(runner.find("extensions")).isEmpty();
        assertThat(runner.run(new ExtensionsSeed(store, List.of("1001")))).isEqualTo(SeedOutcome.SEEDED);
    }

    @BothEngines
    void twoNodesSeedingAtOnceSeedExactlyOnce(TestDatabase db) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        try (Database nodeA = Database.open(db.settings());
                Database nodeB = Database.open(db.settings());
                ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Callable<SeedOutcome> seedA = () -> {
                start.await();
                return new SeedRunner(nodeA, CLOCK).run(new ExtensionsSeed(new JdbiExtensionStore(nodeA), List.of("1001", "1002")));
            };
            Callable<SeedOutcome> seedB = () -> {
                start.await();
                return new SeedRunner(nodeB, CLOCK).run(new ExtensionsSeed(new JdbiExtensionStore(nodeB), List.of("1001", "1002")));
            };
            Future<SeedOutcome> a = threads.submit(seedA);
            Future<SeedOutcome> b = threads.submit(seedB);

            assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(SeedOutcome.SEEDED, SeedOutcome.ALREADY_APPLIED);
        }
        assertThat(new JdbiExtensionStore(db.database()).count()).isEqualTo(2);
    }
}
