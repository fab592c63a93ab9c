package org.switchboard.media.rtp;

import io.netty.buffer.ByteBuf;

/**
 * Keeps the RTCP that one leg's phone sends the other true to the RTP streams the PBX sends (RFC 3550 §7.2: who
 * changes SSRCs or sequence numbers must translate RTCP to match). For the compound packets relayed to this leg's
 * peer: the sender's SSRC in sender and receiver reports, the first SDES chunk and BYE becomes the SSRC of this
 * leg's {@link OutgoingStream} (the only stream this peer receives from the PBX), and a sender report's RTP
 * timestamp is shifted as that stream shifts the sender's RTP. A report block about the other leg's outgoing
 * stream (what the sending phone hears) is turned into one about the source that stream now carries, as that
 * source numbered it: this peer's own SSRC and sequence numbers while it is heard there. Packet and octet counts
 * are left as the sender counted them.
 *
 * <p>Until either stream changed source this changes nothing. Owned by the session's {@code rtp-io-} event loop;
 * no allocation per packet. Truncated or malformed packets are left as they are from the first fault on.
 */
final class RtcpTranslation implements PacketRewrite {
    private static final int SR = 200;
    private static final int RR = 201;
    private static final int SDES = 202;
    private static final int BYE = 203;
    private static final int SENDER_INFO = 20;
    private static final int BLOCK = 24;

    private final OutgoingStream towardPeer;
    private final OutgoingStream towardOther;

    /**
     * RTCP relayed to the peer that {@code towardPeer} sends RTP to, from the phone that {@code towardOther} sends
     * RTP to.
     */
    RtcpTranslation(OutgoingStream towardPeer, OutgoingStream towardOther) {
        this.towardPeer = towardPeer;
        this.towardOther = towardOther;
    }

    @Override
    public void rewrite(ByteBuf packet, long nowNanos) {
        int offset = packet.readerIndex();
        int end = packet.writerIndex();
        while (offset + 8 <= end) {
            int first = packet.getUnsignedByte(offset);
            int type = packet.getUnsignedByte(offset + 1);
            int length = (packet.getUnsignedShort(offset + 2) + 1) * 4;
            if (first >> 6 != 2 || offset + length > end) {
                return;
            }
            int count = first & 0x1F;
            if (type == SR || type == RR) {
                int blocksAt = offset + 8 + (type == SR ? SENDER_INFO : 0);
                if (blocksAt + count * BLOCK > offset + length) {
                    return;
                }
                long sender = packet.getUnsignedInt(offset + 4);
                renameSender(packet, offset);
                if (type == SR && towardPeer.started() && sender == towardPeer.sourceSsrc()) {
                    long rtpTime = packet.getUnsignedInt(offset + 16);
                    packet.setInt(offset + 16, (int) (rtpTime + towardPeer.timestampOffset()));
                }
                for (int i = 0; i < count; i++) {
                    translateBlock(packet, blocksAt + i * BLOCK);
                }
            } else if ((type == SDES || type == BYE) && count > 0) {
                renameSender(packet, offset);
            }
            offset += length;
        }
    }

    private void renameSender(ByteBuf packet, int offset) {
        if (towardPeer.started()) {
            packet.setInt(offset + 4, (int) towardPeer.ssrc());
        }
    }

    /** A block about the stream the sending phone receives from the PBX: about its current source instead. */
    private void translateBlock(ByteBuf packet, int at) {
        if (!towardOther.started() || packet.getUnsignedInt(at) != towardOther.ssrc()) {
            return;
        }
        packet.setInt(at, (int) towardOther.sourceSsrc());
        // the low 16 bits of the extended highest sequence number, back into the source's numbering
        int highest = packet.getUnsignedShort(at + 10);
        packet.setShort(at + 10, highest - towardOther.sequenceOffset());
    }
}
