package org.switchboard.media.rtp;

/**
 * A snapshot of a relay session's counters, taken on its event loop.
 *
 * <p>Immutable: any thread may use it.
 */
public record RelayStats(LegStats a, LegStats b) {
    /** The counters of one leg. */
    public LegStats leg(Leg leg) {
        return leg == Leg.A ? a : b;
    }
}
