package org.switchboard.media.rtp;

import io.netty.buffer.ByteBuf;

/**
 * What the relay measures of the RTP one leg's phone sends it, as a receiver does in RFC 3550 Appendix A: packets
 * expected from the extended highest sequence number against packets received (A.3), and the interarrival
 * jitter (A.8), in RTP timestamp units of an 8 kHz clock (G.711, G.722 and telephone-event all use it). A new
 * SSRC (a phone restarting its stream) starts the count afresh. Events (dynamic payload types) count for loss but
 * not for jitter: their timestamps stay on the event's start.
 *
 * <p>Owned by the session's event loop; plain fields, no allocation per packet.
 */
final class ReceptionStats {
    static final int CLOCK_RATE = 8000;
    /** RFC 3550 Appendix A.1's MAX_DROPOUT: a larger jump in sequence numbers is a restarted stream. */
    static final int MAX_DROPOUT = 3000;
    private static final int SEQ_MOD = 1 << 16;
    private static final int FIRST_DYNAMIC_PAYLOAD_TYPE = 96;

    private boolean started;
    private long ssrc;
    private int baseSeq;
    private int maxSeq;
    private long cycles;
    private long received;
    private long lastTransit;
    private long jitterQ4; // the jitter estimate times 16 (RFC 3550 A.8, integer form)
    private long lostBeforeRestarts;
    private long expectedBeforeRestarts;

    /** Counts one RTP packet that arrived at {@code arrivalNanos}. */
    void update(ByteBuf packet, long arrivalNanos) {
        long packetSsrc = RtpPacket.ssrc(packet);
        int seq = RtpPacket.sequenceNumber(packet);
        long arrival = arrivalNanos / (1_000_000_000L / CLOCK_RATE);
        long transit = arrival - RtpPacket.timestamp(packet);
        if (!started || packetSsrc != ssrc) {
            if (started) {
                lostBeforeRestarts += lost();
                expectedBeforeRestarts += expectedNow();
            }
            started = true;
            ssrc = packetSsrc;
            baseSeq = seq;
            maxSeq = seq;
            cycles = 0;
            received = 1;
            lastTransit = transit;
            return;
        }
        int delta = (seq - maxSeq + SEQ_MOD) % SEQ_MOD;
        if (delta > 0 && delta < MAX_DROPOUT) {
            if (seq < maxSeq) {
                cycles += SEQ_MOD;
            }
            maxSeq = seq;
        }
        received++;
        if (RtpPacket.payloadType(packet) < FIRST_DYNAMIC_PAYLOAD_TYPE) {
            long d = Math.abs(transit - lastTransit);
            jitterQ4 += d - ((jitterQ4 + 8) >> 4);
        }
        lastTransit = transit;
    }

    private long expectedNow() {
        return started ? cycles + maxSeq - baseSeq + 1 : 0;
    }

    private long lost() {
        return Math.max(0, expectedNow() - received);
    }

    /** The counts so far, over every SSRC the leg used. */
    Reception snapshot() {
        long expected = expectedBeforeRestarts + expectedNow();
        long lost = lostBeforeRestarts + lost();
        return new Reception(expected, lost, (jitterQ4 >> 4) * 1000.0 / CLOCK_RATE);
    }
}
