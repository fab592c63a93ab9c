package org.switchboard.store.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.extension.NewExtension;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class DatabaseStoreTest {
    private static final String MD5 = "0123456789abcdef0123456789abcdef";
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.001Z");

    private static NewExtension ext(String number) {
        return new NewExtension(number, "N", null, MD5, MD5 + MD5, "r", null, false, true, null);
    }

    @BothEngines
    void storeCallsInsideOneWriteCommitOrRollBackTogether(TestDatabase db) {
        Database database = db.database();
        JdbiExtensionStore store = new JdbiExtensionStore(database);

        assertThatThrownBy(() -> database.execute(h -> {
            store.create(ext("1001"), T0);
            store.create(ext("1002"), T0);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(store.count()).isZero();

        database.execute(h -> {
            store.create(ext("1001"), T0);
            assertThat(store.findByNumber("1001")).as("a read inside the write sees its rows").isPresent();
        });
        assertThat(store.count()).isEqualTo(1);
    }

    @BothEngines
    void instantsAreStoredAsEpochMillis(TestDatabase db) {
        Database database = db.database();
        database.execute(h -> h.execute("CREATE TABLE times (id BIGINT NOT NULL, at BIGINT)"));
        Instant at = Instant.parse("2026-07-08T09:10:11.987Z");

        database.execute(h -> h.createUpdate("INSERT INTO times (id, at) VALUES (1, :at), (2, :none)")
                .bind("at", at).bind("none", (Instant) null).execute());

        long stored = database.read(h -> h.createQuery("SELECT at FROM times WHERE id = 1").mapTo(Long.class).one());
        Instant mapped = database.read(h -> h.createQuery("SELECT at FROM times WHERE id = 1").mapTo(Instant.class).one());
        List<Instant> none = database.read(h -> h.createQuery("SELECT at FROM times WHERE id = 2").mapTo(Instant.class).list());

        assertThat(stored).isEqualTo(at.toEpochMilli());
        assertThat(mapped).isEqualTo(at);
        assertThat(none).containsOnlyNulls().hasSize(1);
    }

    @BothEngines
    void eventLoopThreadsAreRefused(TestDatabase db) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread loop = Thread.ofPlatform().name("sip-io-3").start(() -> {
            try {
                db.database().read(h -> 1);
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        loop.join();

        assertThat(failure.get()).isInstanceOf(IllegalStateException.class).hasMessage("database call on an event loop");
    }

    @BothEngines
    void closedDatabaseIsNotReachable(TestDatabase db) {
        assertThat(db.database().isReachable()).isTrue();
        db.database().close();
        assertThat(db.database().isReachable()).isFalse();
        db.restart();
    }
}
