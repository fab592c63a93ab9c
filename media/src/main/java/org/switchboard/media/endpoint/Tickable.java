package org.switchboard.media.endpoint;

/** Something an event loop ticks every 20 ms: an endpoint's paced source, or a mixer. Runs on that loop. */
interface Tickable {
    /**
     * Tick {@code tick} of the {@link MediaClock}; {@code skippedBefore} ticks before it were too late to deliver
     * (0 normally), during which nothing was sent.
     */
    void tick(long tick, long skippedBefore);
}
