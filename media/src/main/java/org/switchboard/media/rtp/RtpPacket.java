package org.switchboard.media.rtp;

import io.netty.buffer.ByteBuf;

/**
 * Reads RTP fixed-header fields (RFC 3550 §5.1) in place from a buffer, at fixed offsets from its reader index,
 * without parsing into objects or allocating. Callers check {@link #isRtp(ByteBuf)} first.
 *
 * <p>Stateless: any thread may call it, on a buffer that thread owns.
 */
public final class RtpPacket {
    /** Length of the fixed header without CSRCs. */
    public static final int FIXED_HEADER_LENGTH = 12;
    /** Shortest RTCP packet: the common header plus the sender SSRC (RFC 3550 §6.4). */
    public static final int MIN_RTCP_LENGTH = 8;

    private RtpPacket() {}

    /** Whether the buffer holds at least a fixed header with version 2. */
    public static boolean isRtp(ByteBuf packet) {
        return packet.readableBytes() >= FIXED_HEADER_LENGTH && version(packet) == 2;
    }

    /** Whether the buffer looks like an RTCP compound packet: version 2 and at least 8 bytes. */
    public static boolean isRtcp(ByteBuf packet) {
        return packet.readableBytes() >= MIN_RTCP_LENGTH && version(packet) == 2;
    }

    /** The version field (2 for RTP). */
    public static int version(ByteBuf packet) {
        return packet.getUnsignedByte(packet.readerIndex()) >> 6;
    }

    /** Whether the padding bit is set. */
    public static boolean hasPadding(ByteBuf packet) {
        return (packet.getUnsignedByte(packet.readerIndex()) & 0x20) != 0;
    }

    /** Whether the header extension bit is set. */
    public static boolean hasExtension(ByteBuf packet) {
        return (packet.getUnsignedByte(packet.readerIndex()) & 0x10) != 0;
    }

    /** The number of CSRC identifiers after the fixed header. */
    public static int csrcCount(ByteBuf packet) {
        return packet.getUnsignedByte(packet.readerIndex()) & 0x0F;
    }

    /** The marker bit (start of a talkspurt for audio, RFC 3551 §4.1). */
    public static boolean marker(ByteBuf packet) {
        return (packet.getUnsignedByte(packet.readerIndex() + 1) & 0x80) != 0;
    }

    /** The payload type, 0-127. */
    public static int payloadType(ByteBuf packet) {
        return packet.getUnsignedByte(packet.readerIndex() + 1) & 0x7F;
    }

    /** The 16-bit sequence number. */
    public static int sequenceNumber(ByteBuf packet) {
        return packet.getUnsignedShort(packet.readerIndex() + 2);
    }

    /** The 32-bit timestamp, unsigned. */
    public static long timestamp(ByteBuf packet) {
        return packet.getUnsignedInt(packet.readerIndex() + 4);
    }

    /** The 32-bit synchronisation source, unsigned. */
    public static long ssrc(ByteBuf packet) {
        return packet.getUnsignedInt(packet.readerIndex() + 8);
    }

    /** Offset of the payload from the reader index: fixed header, CSRCs and the header extension if present. */
    public static int payloadOffset(ByteBuf packet) {
        int offset = FIXED_HEADER_LENGTH + 4 * csrcCount(packet);
        if (hasExtension(packet) && packet.readableBytes() >= offset + 4) {
            // RFC 3550 §5.3.1: 16-bit profile word, then the extension length in 32-bit words
            offset += 4 + 4 * packet.getUnsignedShort(packet.readerIndex() + offset + 2);
        }
        return offset;
    }

    /**
     * Writes a fixed header (version 2, no padding, extension or CSRC) at the writer index, for tests, tone
     * players and benchmarks that build packets.
     */
    public static void writeHeader(
            ByteBuf out, boolean marker, int payloadType, int sequenceNumber, long timestamp, long ssrc) {
        out.writeByte(0x80);
        out.writeByte((marker ? 0x80 : 0) | (payloadType & 0x7F));
        out.writeShort(sequenceNumber);
        out.writeInt((int) timestamp);
        out.writeInt((int) ssrc);
    }
}
