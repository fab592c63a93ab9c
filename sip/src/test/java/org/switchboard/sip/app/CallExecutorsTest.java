package org.switchboard.sip.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallExecutorsTest {
    private final CallExecutors executors = new CallExecutors(4);

    @AfterEach
    void close() {
        executors.close();
    }

    @Test
    void sameCallIdAlwaysGetsTheSameStripe() {
        assertThat(executors.stripe("abc@host")).isSameAs(executors.stripe("abc@host"));
    }

    @Test
    void aJoinedCallIdRunsOnItsOwnersStripeUntilItLeaves() {
        String owner = "caller-leg";
        String leg = "callee-leg";
        assertThat(executors.stripe(leg)).isNotSameAs(executors.stripe(owner));

        executors.join(leg, owner);
        assertThat(executors.stripe(leg)).isSameAs(executors.stripe(owner));

        executors.leave(leg);
        assertThat(executors.stripe(leg)).isNotSameAs(executors.stripe(owner));
    }

    @Test
    void tasksRunWithTheCallIdInTheLoggingContext() {
        java.util.concurrent.atomic.AtomicReference<String> seen = new java.util.concurrent.atomic.AtomicReference<>();
        executors.forCallId("mdc-call").execute(() -> seen.set(org.slf4j.MDC.get("call_id")));
        await().until(() -> seen.get() != null);
        assertThat(seen.get()).isEqualTo("mdc-call");
    }

    @Test
    void tasksOfOneCallRunInSubmissionOrderAndNeverTwoAtOnce() {
        java.util.concurrent.Executor call = executors.forCallId("call-1");
        List<Integer> order = new ArrayList<>(); // plain list: the executor is the only writer
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            int value = i;
            call.execute(() -> {
                if (running.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                order.add(value);
                running.decrementAndGet();
            });
        }
        CountDownLatch done = new CountDownLatch(1);
        call.execute(done::countDown);
        await().until(() -> done.getCount() == 0);
        assertThat(overlaps).hasValue(0);
        assertThat(order).hasSize(n).isSorted();
    }

    @Test
    void aFailingTaskDoesNotStallTheTasksAfterIt() {
        java.util.concurrent.Executor call = executors.forCallId("call-2");
        AtomicInteger after = new AtomicInteger();
        call.execute(() -> {
            throw new IllegalStateException("boom");
        });
        call.execute(after::incrementAndGet);
        await().untilAtomic(after, org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void aBlockedCallDoesNotBlockAnotherCall() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        String first = "blocked";
        String second = "other";
        assertThat(executors.stripe(first)).isNotSameAs(executors.stripe(second));
        executors.forCallId(first).execute(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        AtomicInteger ran = new AtomicInteger();
        executors.forCallId(second).execute(ran::incrementAndGet);
        await().untilAtomic(ran, org.hamcrest.Matchers.equalTo(1));
        release.countDown();
    }
}
