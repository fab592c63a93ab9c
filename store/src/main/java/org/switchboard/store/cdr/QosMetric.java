package org.switchboard.store.cdr;

import java.time.Instant;

/**
 * How one leg of an ended call sounded, stored beside its CDR: the phone's RTP as the relay measured it (packets,
 * loss, jitter), what the phone reported in RTCP of what it received (null when it sent none) and the estimated
 * MOS. Immutable.
 */
public record QosMetric(String callId, String role, String party, long packetsReceived, long packetsExpected,
        long packetsLost, double lossPercent, double jitterMs, Double reportedLossPercent, Double reportedJitterMs,
        double mos, Instant recordedAt) {}
