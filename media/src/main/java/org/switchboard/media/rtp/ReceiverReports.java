package org.switchboard.media.rtp;

import io.netty.buffer.ByteBuf;
import java.util.Optional;

/**
 * Reads the first reception report block of the sender and receiver reports (RFC 3550 §6.4.1, §6.4.2) in the
 * compound RTCP packets a leg's phone sends, keeping the latest values: how the phone hears the PBX. Also keeps
 * when the phone's last sender report passed, so that the other leg's phone, answering it with LSR and DLSR,
 * gives the round trip between the relay and that phone ({@link #measureRoundTrip}). Malformed or truncated
 * packets are skipped; they are still relayed as before.
 *
 * <p>Owned by the session's event loop; plain fields, no allocation per packet.
 */
final class ReceiverReports {
    private static final int SR = 200;
    private static final int RR = 201;
    private static final int SENDER_INFO = 20;
    private static final int BLOCK = 24;

    private long reports;
    private int fractionLost;
    private long cumulativeLost;
    private long jitter;
    private long lastSenderReport; // LSR: the middle 32 bits of the NTP timestamp in the block, 0 for none
    private long delaySinceLastSenderReport; // DLSR, in 1/65536 s
    private boolean sentSenderReport;
    private long senderReportNtpMiddle; // of the last SR this phone sent
    private long senderReportSeenNanos; // when it passed the relay
    private long roundTripNanos = -1;

    /** Reads what {@code packet} (one compound RTCP packet, readable bytes) reports, if anything; it came at {@code nowNanos}. */
    void read(ByteBuf packet, long nowNanos) {
        int offset = packet.readerIndex();
        int end = packet.writerIndex();
        while (offset + 4 <= end) {
            int first = packet.getUnsignedByte(offset);
            int type = packet.getUnsignedByte(offset + 1);
            int length = (packet.getUnsignedShort(offset + 2) + 1) * 4;
            if (first >> 6 != 2 || offset + length > end) {
                return;
            }
            int blocks = first & 0x1F;
            if (type == SR && offset + 8 + SENDER_INFO <= offset + length) {
                sentSenderReport = true;
                senderReportNtpMiddle = packet.getUnsignedInt(offset + 10);
                senderReportSeenNanos = nowNanos;
            }
            int blockAt = offset + 8 + (type == SR ? SENDER_INFO : 0);
            if ((type == SR || type == RR) && blocks > 0 && blockAt + BLOCK <= offset + length) {
                fractionLost = packet.getUnsignedByte(blockAt + 4);
                long cumulative = packet.getUnsignedMedium(blockAt + 5);
                cumulativeLost = cumulative >= 0x800000 ? 0 : cumulative; // negative: duplicates outnumber losses
                jitter = packet.getUnsignedInt(blockAt + 12);
                lastSenderReport = packet.getUnsignedInt(blockAt + 16);
                delaySinceLastSenderReport = packet.getUnsignedInt(blockAt + 20);
                reports++;
                return;
            }
            offset += length;
        }
    }

    /**
     * After a report from this phone came at {@code nowNanos}: when its LSR names the last sender report of the
     * other leg's phone ({@code other}), which the relay passed on to this one, the round trip between the relay
     * and this phone is the time since then less the phone's own delay (RFC 3550 §6.4.1).
     */
    void measureRoundTrip(ReceiverReports other, long nowNanos) {
        if (lastSenderReport == 0 || !other.sentSenderReport || other.senderReportNtpMiddle != lastSenderReport) {
            return;
        }
        long rtt = nowNanos - other.senderReportSeenNanos - delaySinceLastSenderReport * 1_000_000_000L / 65536;
        if (rtt >= 0) {
            roundTripNanos = rtt;
        }
    }

    /** The latest report, empty until the phone sent one. */
    Optional<PeerReport> snapshot() {
        return reports == 0 ? Optional.empty() : Optional.of(new PeerReport(fractionLost / 256.0, cumulativeLost,
                jitter * 1000.0 / ReceptionStats.CLOCK_RATE, reports,
                roundTripNanos < 0 ? Optional.empty() : Optional.of(roundTripNanos / 1_000_000.0)));
    }
}
