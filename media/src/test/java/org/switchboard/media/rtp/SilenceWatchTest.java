package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SilenceWatchTest {
    private static final long TIMEOUT = 1_000;
    private final SilenceWatch watch = new SilenceWatch(TIMEOUT, 0);

    @Test
    void silenceForTheTimeoutIsReportedOnce() {
        assertThat(watch.check(999, 0)).isFalse();
        assertThat(watch.check(1_000, 0)).isTrue();
        assertThat(watch.timedOut()).isTrue();
        assertThat(watch.check(5_000, 0)).as("same silence").isFalse();
    }

    @Test
    void packetsRestartTheCountAndALaterSilenceIsReportedAgain() {
        assertThat(watch.check(800, 500)).isFalse();
        assertThat(watch.check(1_499, 500)).isFalse();
        assertThat(watch.check(1_500, 500)).isTrue();
        // media comes back at 2,000, then stops again
        assertThat(watch.check(2_100, 2_000)).isFalse();
        assertThat(watch.timedOut()).isFalse();
        assertThat(watch.check(3_000, 2_000)).isTrue();
    }

    @Test
    void aHeldPeerNeverTimesOutAndResumingRearms() {
        watch.expect(false, 100);
        assertThat(watch.check(10_000, 0)).isFalse();
        watch.expect(true, 10_000);
        assertThat(watch.check(10_999, 0)).isFalse();
        assertThat(watch.check(11_000, 0)).isTrue();
    }
}
