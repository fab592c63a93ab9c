package org.switchboard.media.rtp;

/**
 * Counters of one leg of a relay session: its RTP and RTCP streams, and whether its media has timed out.
 *
 * <p>Immutable: any thread may use it.
 */
public record LegStats(StreamStats rtp, StreamStats rtcp, boolean mediaTimedOut) {}
