package org.switchboard.pbx.admin;

import org.switchboard.store.testkit.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(5), Duration.ofSeconds(1), clock);

    @Test
    void fourFailuresDoNotBlockButTheFifthDoes() {
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.recordFailure("admin", "10.0.0.1")).as("failure %d reaches the limit", i + 1).isFalse();
        }
        assertThat(throttle.waitBefore("admin", "10.0.0.1")).as("after 4 failures").isEmpty();
        assertThat(throttle.recordFailure("admin", "10.0.0.1")).as("fifth failure reaches the limit").isTrue();
        assertThat(throttle.waitBefore("admin", "10.0.0.1")).as("after 5 failures").contains(Duration.ofMinutes(5));
    }

    @Test
    void failuresForAUsernameFromManyAddressesSlowItDownButBlockNoOtherAddress() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("admin", "10.0.0." + i);
        }
        assertThat(throttle.waitBefore("ADMIN", "192.168.1.1")).as("an address that has not failed").isEmpty();
        assertThat(throttle.slowdownFor("ADMIN")).as("the username under attack").isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.slowdownFor("other")).isZero();
        clock.advance(Duration.ofMinutes(5));
        assertThat(throttle.slowdownFor("admin")).as("once the failures leave the window").isZero();
    }

    @Test
    void aPairIsBlockedWhileTheSameUsernameFromAnotherAddressIsNot() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("admin", "10.0.0.1");
        }
        assertThat(throttle.waitBefore("admin", "10.0.0.1")).isPresent();
        assertThat(throttle.waitBefore("admin", "10.0.0.2")).isEmpty();
    }

    @Test
    void addressIsBlockedForAnyUsername() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("user" + i, "10.0.0.9");
        }
        assertThat(throttle.waitBefore("someone-else", "10.0.0.9")).isPresent();
        assertThat(throttle.waitBefore("someone-else", "10.0.0.10")).isEmpty();
    }

    @Test
    void blockEndsWhenTheOldestFailureLeavesTheWindow() {
        throttle.recordFailure("admin", "a");
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("admin", "a");
        }
        assertThat(throttle.waitBefore("admin", "a")).contains(Duration.ofMinutes(4));
        clock.advance(Duration.ofMinutes(4));
        assertThat(throttle.waitBefore("admin", "a")).as("oldest failure expired").isEmpty();
    }

    @Test
    void failuresFromManyThreadsAtOnceAreAllCounted() throws Exception {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) {
                int n = i;
                threads.submit(() -> throttle.recordFailure("user" + n, "10.9.9.9"));
            }
        }
        assertThat(throttle.waitBefore("anyone", "10.9.9.9")).as("address over the limit").isPresent();
        assertThat(throttle.waitBefore("user0", "10.0.0.1")).as("one failure per username").isEmpty();
    }

    @Test
    void successClearsTheCount() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("admin", "a");
        }
        throttle.recordSuccess("admin", "a");
        throttle.recordFailure("admin", "a");
        assertThat(throttle.waitBefore("admin", "a")).isEmpty();
    }
}
