package org.switchboard.media.rtp;

/**
 * What a leg's phone last said in RTCP (RFC 3550 §6.4) about the audio it receives from the PBX: the fraction
 * lost since its previous report (0 to 1), its cumulative count of lost packets, its interarrival jitter in
 * milliseconds, and how many reports it sent. Immutable.
 */
public record PeerReport(double fractionLost, long cumulativeLost, double jitterMillis, long reports) {}
