package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.app.CallExecutors;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * "Call threads never block" is enforced, not just written down: the real call executors' threads
 * are refused by the database, and the way a call is meant to do it (a virtual thread, the result
 * posted back to the call's executor) works.
 */
class CallThreadDatabaseGuardTest {
    private final TestDatabase db = TestDatabases.sqlite();
    private final CallExecutors executors = new CallExecutors(1);

    @AfterEach
    void close() {
        executors.close();
        db.close();
    }

    @Test
    void databaseWorkOnACallExecutorIsRefused() throws Exception {
        CompletableFuture<Throwable> refused = new CompletableFuture<>();
        executors.forCallId("guard@pbx.test").execute(() -> {
            try {
                db.database().read(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
                refused.complete(null);
            } catch (RuntimeException e) {
                refused.complete(e);
            }
        });

        assertThat(refused.get(5, TimeUnit.SECONDS))
                .as("a SELECT run directly on the call executor")
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("database call on a call thread");
    }

    @Test
    void databaseWorkHandedToAVirtualThreadPostsItsResultBackToTheCall() throws Exception {
        Executor call = executors.forCallId("guard@pbx.test");
        CompletableFuture<String> posted = new CompletableFuture<>();
        call.execute(() -> Thread.ofVirtual().start(() -> {
            int one = db.database().read(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            call.execute(() -> posted.complete(Thread.currentThread().getName() + ":" + one));
        }));

        assertThat(posted.get(5, TimeUnit.SECONDS)).startsWith("call-").endsWith(":1");
    }
}
