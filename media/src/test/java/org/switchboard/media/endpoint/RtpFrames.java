package org.switchboard.media.endpoint;

import java.net.DatagramPacket;
import java.nio.ByteBuffer;
import org.switchboard.media.codec.MuLaw;

/** Builds and reads the RTP packets test peers exchange with endpoints. */
final class RtpFrames {
    private RtpFrames() {}

    /** A PCMU packet (payload type 0) carrying {@code pcm} encoded. */
    static byte[] pcmu(int sequence, long timestamp, long ssrc, boolean marker, short[] pcm) {
        ByteBuffer b = ByteBuffer.allocate(12 + pcm.length);
        b.put((byte) 0x80).put((byte) (marker ? 0x80 : 0)).putShort((short) sequence).putInt((int) timestamp)
                .putInt((int) ssrc);
        for (short s : pcm) {
            b.put(MuLaw.encode(s));
        }
        return b.array();
    }

    /** An RFC 4733 packet (payload type 101). */
    static byte[] event(int sequence, long timestamp, long ssrc, boolean marker, int event, boolean end,
            int duration) {
        ByteBuffer b = ByteBuffer.allocate(16);
        b.put((byte) 0x80).put((byte) ((marker ? 0x80 : 0) | 101)).putShort((short) sequence)
                .putInt((int) timestamp).putInt((int) ssrc);
        b.put((byte) event).put((byte) ((end ? 0x80 : 0) | 10)).putShort((short) duration);
        return b.array();
    }

    static ByteBuffer view(DatagramPacket p) {
        return ByteBuffer.wrap(p.getData(), 0, p.getLength());
    }

    static boolean marker(ByteBuffer b) {
        return (b.get(1) & 0x80) != 0;
    }

    static int payloadType(ByteBuffer b) {
        return b.get(1) & 0x7F;
    }

    static int sequence(ByteBuffer b) {
        return b.getShort(2) & 0xFFFF;
    }

    static long timestamp(ByteBuffer b) {
        return b.getInt(4) & 0xFFFF_FFFFL;
    }

    static long ssrc(ByteBuffer b) {
        return b.getInt(8) & 0xFFFF_FFFFL;
    }

    /** Decodes the PCMU payload after the 12-byte header into {@code out[at...]}; returns the sample count. */
    static int decodePcmu(ByteBuffer b, short[] out, int at) {
        int n = b.limit() - 12;
        for (int i = 0; i < n && at + i < out.length; i++) {
            out[at + i] = MuLaw.decode(b.get(12 + i));
        }
        return n;
    }
}
