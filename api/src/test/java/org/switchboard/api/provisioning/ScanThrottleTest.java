package org.switchboard.api.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.switchboard.api.http.TestClock;

class ScanThrottleTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-05-01T10:00:00Z"));
    private final ScanThrottle throttle = new ScanThrottle(
            new ScanThrottle.Settings(3, Duration.ofMinutes(1), Duration.ofMinutes(5), 2), clock);

    @Test
    void theNthMissWithinTheWindowBlocksForTheBlockTime() {
        assertThat(throttle.miss("192.0.2.1")).isFalse();
        assertThat(throttle.miss("192.0.2.1")).isFalse();
        assertThat(throttle.blockedFor("192.0.2.1")).isEmpty();
        assertThat(throttle.miss("192.0.2.1")).as("third miss starts the block").isTrue();
        assertThat(throttle.blockedFor("192.0.2.1")).contains(Duration.ofMinutes(5));
        assertThat(throttle.blockedFor("192.0.2.2")).as("other addresses are not affected").isEmpty();
        clock.advance(Duration.ofMinutes(5));
        assertThat(throttle.blockedFor("192.0.2.1")).isEmpty();
    }

    @Test
    void missesOutsideTheWindowStartOver() {
        throttle.miss("192.0.2.1");
        throttle.miss("192.0.2.1");
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.miss("192.0.2.1")).isFalse();
        assertThat(throttle.blockedFor("192.0.2.1")).isEmpty();
    }

    @Test
    void trackedAddressesStayBoundedAndABlockedAddressIsKeptWhenStaleOnesGo() {
        throttle.miss("192.0.2.1");
        throttle.miss("192.0.2.1");
        throttle.miss("192.0.2.1");
        throttle.miss("192.0.2.2");
        clock.advance(Duration.ofMinutes(2));
        throttle.miss("192.0.2.3");
        assertThat(throttle.blockedFor("192.0.2.1")).as("still blocked after stale entries were dropped").isPresent();
    }
}
