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
    void sameCallIdAlwaysGetsTheSameExecutor() {
        assertThat(executors.forCallId("abc@host")).isSameAs(executors.forCallId("abc@host"));
    }

    @Test
    void tasksOfOneCallRunInSubmissionOrderAndNeverTwoAtOnce() {
        SerialExecutor call = executors.forCallId("call-1");
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
        SerialExecutor call = executors.forCallId("call-2");
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
        assertThat(executors.forCallId(first)).isNotSameAs(executors.forCallId(second));
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
