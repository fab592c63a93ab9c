package org.switchboard.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class NonceCountTrackerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void eachNonceCountIsAcceptedOnceEvenWhenThreadsRace() throws Exception {
        NonceCountTracker tracker = new NonceCountTracker(16, clock);
        Instant issued = clock.instant();
        int racers = 4;
        int counts = 20_000;
        CyclicBarrier start = new CyclicBarrier(racers);
        List<Future<List<Long>>> accepted = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
            for (int i = 0; i < racers; i++) {
                accepted.add(pool.submit(() -> {
                    start.await();
                    List<Long> mine = new ArrayList<>();
                    for (long c = 1; c <= counts; c++) {
                        if (tracker.accept("n", issued, issued.plusSeconds(300), c) == NonceCountTracker.Decision.ACCEPTED) {
                            mine.add(c);
                        }
                    }
                    return mine;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : accepted) {
                all.addAll(f.get());
            }
            assertThat(all).as("nonce-counts accepted by racing threads").doesNotHaveDuplicates();
        }
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        NonceCountTracker tracker = new NonceCountTracker(3, clock);
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMillis(1));
            tracker.accept("n" + i, clock.instant(), clock.instant().plusSeconds(300), 1);
        }
        assertThat(tracker.size()).isEqualTo(3);
    }

    @Test
    void expiredNoncesAreForgottenWithoutRaisingTheLowWaterMark() {
        NonceCountTracker tracker = new NonceCountTracker(10, clock);
        Instant issued = clock.instant();
        tracker.accept("old", issued, issued.plusSeconds(300), 1);
        clock.advance(Duration.ofSeconds(300));
        tracker.accept("new", clock.instant(), clock.instant().plusSeconds(300), 1);
        assertThat(tracker.size()).isEqualTo(1);
        // A nonce issued just after "old" and never seen is still welcome: only eviction raises the mark.
        assertThat(tracker.accept("unseen", issued.plusMillis(1), issued.plusSeconds(300), 1))
                .isEqualTo(NonceCountTracker.Decision.ACCEPTED);
    }

    @Test
    void evictionForgetsEveryNonceIssuedUpToTheEvictedOne() {
        NonceCountTracker tracker = new NonceCountTracker(1, clock);
        Instant t0 = clock.instant();
        tracker.accept("a", t0.plusMillis(2), t0.plusSeconds(300), 1);
        tracker.accept("b", t0.plusMillis(3), t0.plusSeconds(300), 1);
        assertThat(tracker.accept("c", t0.plusMillis(1), t0.plusSeconds(300), 1))
                .isEqualTo(NonceCountTracker.Decision.FORGOTTEN);
        assertThat(tracker.accept("a", t0.plusMillis(2), t0.plusSeconds(300), 2))
                .isEqualTo(NonceCountTracker.Decision.FORGOTTEN);
        assertThat(tracker.accept("b", t0.plusMillis(3), t0.plusSeconds(300), 1))
                .isEqualTo(NonceCountTracker.Decision.REPLAYED);
    }
}
