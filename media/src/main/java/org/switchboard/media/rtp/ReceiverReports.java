package org.switchboard.media.rtp;

import io.netty.buffer.ByteBuf;
import java.util.Optional;

/**
 * Reads the first reception report block of the sender and receiver reports (RFC 3550 §6.4.1, §6.4.2) in the
 * compound RTCP packets a leg's phone sends, keeping the latest values: how the phone hears the PBX. Malformed or
 * truncated packets are skipped; they are still relayed as before.
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

    /** Reads what {@code packet} (one compound RTCP packet, readable bytes) reports, if anything. */
    void read(ByteBuf packet) {
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
            int blockAt = offset + 8 + (type == SR ? SENDER_INFO : 0);
            if ((type == SR || type == RR) && blocks > 0 && blockAt + BLOCK <= offset + length) {
                fractionLost = packet.getUnsignedByte(blockAt + 4);
                long cumulative = packet.getUnsignedMedium(blockAt + 5);
                cumulativeLost = cumulative >= 0x800000 ? 0 : cumulative; // negative: duplicates outnumber losses
                jitter = packet.getUnsignedInt(blockAt + 12);
                reports++;
                return;
            }
            offset += length;
        }
    }

    /** The latest report, empty until the phone sent one. */
    Optional<PeerReport> snapshot() {
        return reports == 0 ? Optional.empty() : Optional.of(new PeerReport(fractionLost / 256.0, cumulativeLost,
                jitter * 1000.0 / ReceptionStats.CLOCK_RATE, reports));
    }
}
