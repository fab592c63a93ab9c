package org.switchboard.media.rtp;

import java.time.Duration;

/**
 * When a stream that has latched onto one source accepts another (symmetric RTP, RFC 4961): after {@code
 * packets} consecutive packets from the new source arriving while nothing came from the latched source for at
 * least {@code quiet}. A phone that changes NAT binding goes quiet on the old source and keeps sending on the new
 * one; an injected stream while the real one still flows is dropped.
 *
 * <p>Immutable: any thread may use it.
 */
public record LatchingRule(int packets, Duration quiet) {
    /** Five packets (100 ms of 20 ms audio) after 500 ms of silence from the latched source. */
    public static final LatchingRule DEFAULT = new LatchingRule(5, Duration.ofMillis(500));

    /** Validates the bounds. */
    public LatchingRule {
        if (packets < 1) {
            throw new IllegalArgumentException("packets must be at least 1: " + packets);
        }
        if (quiet.isNegative()) {
            throw new IllegalArgumentException("quiet must not be negative: " + quiet);
        }
    }
}
