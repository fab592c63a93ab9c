package org.switchboard.media.rtp;

/**
 * What the relay measured of the RTP a leg's phone sent it (RFC 3550 A.3, A.8): packets expected by sequence
 * number, packets missing of those, and the interarrival jitter in milliseconds. Immutable.
 */
public record Reception(long expected, long lost, double jitterMillis) {
    public static final Reception NONE = new Reception(0, 0, 0);

    /** The share of expected packets that never came, 0 to 1. */
    public double lossRatio() {
        return expected == 0 ? 0 : (double) lost / expected;
    }
}
