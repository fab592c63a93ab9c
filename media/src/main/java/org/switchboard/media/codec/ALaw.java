package org.switchboard.media.codec;

/**
 * ITU-T G.711 A-law (PCMA, RTP payload type 8) encoder and decoder, driven by tables built once.
 *
 * <p>Stateless and immutable: any thread may call it.
 */
public final class ALaw {
    // G.711 A-law works on 13-bit linear samples: the three low bits of a 16-bit sample are dropped.
    private static final G711Table TABLE = new G711Table(3, sample -> compress(sample >> 3), ALaw::expand);
    private ALaw() {}

    /** Returns the A-law code word for one 16-bit linear sample. */
    public static byte encode(short sample) {
        return TABLE.encode(sample);
    }

    /** Returns the 16-bit linear sample for one A-law code word. */
    public static short decode(byte code) {
        return TABLE.decode(code);
    }

    /** Encodes {@code length} samples from {@code pcm[from]} into {@code out[to]}. */
    public static void encode(short[] pcm, int from, byte[] out, int to, int length) {
        TABLE.encode(pcm, from, out, to, length);
    }

    /** Decodes {@code length} code words from {@code codes[from]} into {@code out[to]}. */
    public static void decode(byte[] codes, int from, short[] out, int to, int length) {
        TABLE.decode(codes, from, out, to, length);
    }

    private static byte compress(int sample13) {
        // G.711 inverts the even bits (XOR 0x55) and sets bit 7 for positive samples
        int mask = 0xD5;
        int v = sample13;
        if (v < 0) {
            mask = 0x55;
            v = -v - 1;
        }
        int code;
        if (v < 32) {
            code = v >> 1;
        } else {
            int segment = 31 - Integer.numberOfLeadingZeros(v) - 4;
            code = (segment << 4) | ((v >> segment) & 0x0F);
        }
        return (byte) (code ^ mask);
    }

    private static short expand(int code) {
        int a = (code ^ 0x55) & 0xFF;
        int segment = (a & 0x70) >> 4;
        // reconstruct at the middle of the quantisation interval
        int magnitude = ((a & 0x0F) << 4) + 8;
        if (segment >= 1) {
            magnitude = (magnitude + 0x100) << (segment - 1);
        }
        return (short) ((a & 0x80) != 0 ? magnitude : -magnitude);
    }
}
