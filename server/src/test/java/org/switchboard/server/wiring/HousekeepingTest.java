package org.switchboard.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Periodic jobs run on virtual threads handed out by the one {@code housekeeping} thread, and survive a failing run. */
class HousekeepingTest {

    @Test
    void jobsRunOnNamedVirtualThreadsAndAFailingRunDoesNotStopTheJob() {
        List<Thread> ranOn = new CopyOnWriteArrayList<>();
        AtomicInteger runs = new AtomicInteger();
        Housekeeping housekeeping = new Housekeeping();
        try (housekeeping) {
            housekeeping.every("probe", Duration.ofMillis(1), () -> {
                ranOn.add(Thread.currentThread());
                if (runs.incrementAndGet() == 1) {
                    throw new IllegalStateException("first run fails");
                }
            });
            await().until(() -> runs.get() >= 3);
        }
        assertThat(ranOn).allSatisfy(t -> {
            assertThat(t.isVirtual()).isTrue();
            assertThat(t.getName()).isEqualTo("housekeeping-probe");
        });
        // Other test classes in this JVM may run nodes of their own: ask this scheduler, not the thread list.
        assertThat(housekeeping.scheduler().isTerminated()).as("the scheduler thread is gone after close").isTrue();
    }
}
