package org.switchboard.media.rtp;

import java.util.Optional;

/**
 * What a leg's phone last said in RTCP (RFC 3550 §6.4) about the audio it receives from the PBX: the fraction
 * lost since its previous report (0 to 1), its cumulative count of lost packets, its interarrival jitter in
 * milliseconds, how many reports it sent, and the round trip between the relay and the phone in milliseconds when
 * its reports answered a sender report of the other leg's phone. Immutable.
 */
public record PeerReport(double fractionLost, long cumulativeLost, double jitterMillis, long reports,
        Optional<Double> roundTripMillis) {}
