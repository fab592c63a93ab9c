package org.switchboard.pbx.call.quality;

import java.time.Instant;
import java.util.Optional;
import org.switchboard.media.rtp.PeerReport;
import org.switchboard.media.rtp.Reception;
import org.switchboard.pbx.call.LegSnapshot;
import org.switchboard.store.cdr.QosMetric;

/**
 * How one leg of a call sounds. {@code received*} is what the relay measured of the audio the leg's phone sent
 * (its uplink); {@code reported*} is what the phone said in RTCP of the audio it receives from the PBX (its
 * downlink), absent for phones that send no RTCP; {@code roundTripMs} is the round trip between the relay and
 * the phone from its RTCP (LSR/DLSR), absent until it answered a sender report. The MOS is estimated ({@link
 * MeanOpinionScore}) from the worse of the two directions, with half the round trip as the one-way delay. Immutable.
 */
public record LegQuality(String role, String party, long packetsReceived, long packetsExpected, long packetsLost,
        double lossPercent, double jitterMs, Optional<Double> reportedLossPercent, Optional<Double> reportedJitterMs,
        Optional<Double> roundTripMs, double mos) {

    /** The quality of {@code leg}, empty when its media is not anchored. */
    public static Optional<LegQuality> of(LegSnapshot leg) {
        return leg.media().map(media -> of(leg.role(), leg.party(), media));
    }

    private static LegQuality of(String role, String party, LegSnapshot.Media media) {
        Reception in = media.reception();
        Optional<PeerReport> out = media.peerReport();
        double loss = Math.max(in.lossRatio(), out.map(PeerReport::fractionLost).orElse(0.0));
        double jitter = Math.max(in.jitterMillis(), out.map(PeerReport::jitterMillis).orElse(0.0));
        Optional<Double> roundTrip = out.flatMap(PeerReport::roundTripMillis);
        return new LegQuality(role, party, media.packetsReceived(), in.expected(), in.lost(),
                round(100 * in.lossRatio()), round(in.jitterMillis()),
                out.map(r -> round(100 * r.fractionLost())), out.map(r -> round(r.jitterMillis())),
                roundTrip.map(LegQuality::round), MeanOpinionScore.estimate(loss, jitter, roundTrip.orElse(0.0) / 2));
    }

    /** This leg's figures as stored with the CDR of call {@code callId}. */
    public QosMetric toMetric(String callId, Instant recordedAt) {
        return new QosMetric(callId, role, party, packetsReceived, packetsExpected, packetsLost, lossPercent, jitterMs,
                reportedLossPercent.orElse(null), reportedJitterMs.orElse(null), roundTripMs.orElse(null), mos, recordedAt);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
