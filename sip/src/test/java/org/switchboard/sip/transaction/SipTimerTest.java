package org.switchboard.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SipTimerTest {
    private final SipTimer timer = new SipTimer();

    @AfterEach
    void close() {
        timer.close();
    }

    @Test
    void firedTimerRunsItsTaskOnTheOwningExecutorNotTheTimerThread() {
        AtomicReference<String> ranOn = new AtomicReference<>();
        Executor owner = task -> Thread.ofPlatform().name("owner").start(task);
        timer.schedule(Duration.ofMillis(20), owner, () -> ranOn.set(Thread.currentThread().getName()));
        await().until(() -> ranOn.get() != null);
        assertThat(ranOn.get()).isEqualTo("owner");
    }

    @Test
    void cancelledTimerNeverRuns() {
        AtomicInteger ran = new AtomicInteger();
        AtomicInteger control = new AtomicInteger();
        timer.schedule(Duration.ofMillis(50), Runnable::run, ran::incrementAndGet).cancel();
        timer.schedule(Duration.ofMillis(100), Runnable::run, control::incrementAndGet);
        await().untilAtomic(control, org.hamcrest.Matchers.equalTo(1));
        assertThat(ran).hasValue(0);
        assertThat(timer.pending()).isZero();
    }

    @Test
    void aTimerAskedForAfterCloseIsNeverStartedAndDoesNotThrow() {
        timer.close();
        AtomicInteger ran = new AtomicInteger();
        ProtocolTimer.Cancellable late = timer.schedule(Duration.ZERO, Runnable::run, ran::incrementAndGet);
        late.cancel();
        assertThat(ran).hasValue(0);
    }

    @Test
    void backoffDoublesUpToT2() {
        TimerSettings t = TimerSettings.DEFAULTS;
        assertThat(t.backoff(Duration.ofMillis(500))).isEqualTo(Duration.ofSeconds(1));
        assertThat(t.backoff(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(4));
        assertThat(t.backoff(Duration.ofSeconds(4))).isEqualTo(Duration.ofSeconds(4));
        assertThat(t.transactionTimeout()).isEqualTo(Duration.ofSeconds(32));
    }
}
