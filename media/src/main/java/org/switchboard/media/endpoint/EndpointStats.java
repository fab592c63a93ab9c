package org.switchboard.media.endpoint;

import org.switchboard.media.rtp.StreamStats;

/**
 * Counters of one endpoint: its RTP socket's (packets and bytes in and out, dropped, latches), the jitter buffer's
 * (frames lost, duplicates, late), packets refused for a payload type it did not negotiate, and SRTP packets refused
 * as unauthentic, replayed or malformed (always 0 without SRTP).
 *
 * <p>Immutable: any thread may use it.
 */
public record EndpointStats(
        StreamStats rtp, long framesLost, long duplicates, long late, long unknownPayloadType, long recordingDrops,
        long srtpRejected) {}
