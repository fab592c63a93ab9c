package org.switchboard.store.cdr;

import java.time.Instant;

/**
 * How one leg of an ended call sounded, stored beside its CDR: the phone's RTP as the relay measured it (packets,
 * loss, jitter), what the phone reported in RTCP of what it received (null when it sent none) and the estimated
 * MOS; the round trip between the relay and the phone from its RTCP (null when unknown). Immutable.
 */
public record QosMetric(String callId, String role, String party, long packetsReceived, long packetsExpected,
        long packetsLost, double lossPercent, double jitterMs, Double reportedLossPercent, Double reportedJitterMs,
        Double roundTripMs, double mos, Instant recordedAt) {}
