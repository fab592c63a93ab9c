package org.switchboard.media.rtp;

/**
 * The media timeout rule for one received RTP stream: silent for the timeout (counted from the later of the last
 * packet and the last re-arm) while media is expected is a timeout, reported once; when packets come back, a
 * later silence is reported again. Re-arming ({@link #expect}) starts the count afresh, and a stream that is not
 * expected to send (the peer holds the call) never times out.
 *
 * <p>Owned by the thread that owns the stream (its {@code rtp-io-} event loop); plain fields.
 */
public final class SilenceWatch {
    private final long timeoutNanos;
    private boolean expecting = true;
    private boolean timedOut;
    private long armedAtNanos;

    /** A watch with {@code timeoutNanos}, armed at {@code nowNanos}. */
    public SilenceWatch(long timeoutNanos, long nowNanos) {
        this.timeoutNanos = timeoutNanos;
        this.armedAtNanos = nowNanos;
    }

    /** Whether media is expected, re-arming the count from {@code nowNanos}. */
    public void expect(boolean expected, long nowNanos) {
        expecting = expected;
        timedOut = false;
        armedAtNanos = nowNanos;
    }

    /** Whether a timeout is to be reported now, given when the stream last received a packet. */
    public boolean check(long nowNanos, long lastReceivedNanos) {
        if (timedOut) {
            if (lastReceivedNanos <= armedAtNanos) {
                return false;
            }
            // media came back after a reported timeout: a later silence is reported again
            timedOut = false;
        }
        if (expecting && nowNanos - Math.max(lastReceivedNanos, armedAtNanos) >= timeoutNanos) {
            timedOut = true;
            armedAtNanos = nowNanos;
            return true;
        }
        return false;
    }

    /** Whether the last silence was reported and media has not come back since. */
    public boolean timedOut() {
        return timedOut;
    }

    /** Since when the silence counts: the later of the last re-arm and the last report. */
    long armedAtNanos() {
        return armedAtNanos;
    }
}
