package org.switchboard.media.codec;

/**
 * ITU-T G.711 µ-law (PCMU, RTP payload type 0) encoder and decoder, driven by tables built once.
 *
 * <p>Stateless and immutable: any thread may call it.
 */
public final class MuLaw {
    // G.711 µ-law works on 14-bit linear samples: the two low bits of a 16-bit sample are dropped.
    private static final int BIAS = 0x84;
    private static final int CLIP = 32635;
    private static final G711Table TABLE = new G711Table(2, MuLaw::compress, MuLaw::expand);
    private MuLaw() {}

    /** Returns the µ-law code word for one 16-bit linear sample. */
    public static byte encode(short sample) {
        return TABLE.encode(sample);
    }

    /** Returns the 16-bit linear sample for one µ-law code word. */
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

    private static byte compress(int linear) {
        int sign = linear < 0 ? 0x80 : 0;
        int magnitude = Math.min(Math.abs(linear), CLIP) + BIAS;
        // segment (exponent) is the position of the highest set bit above bit 7
        int exponent = 31 - Integer.numberOfLeadingZeros(magnitude) - 7;
        int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
        // G.711 transmits the complement of sign, segment and mantissa
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    private static short expand(int code) {
        int u = ~code & 0xFF;
        int exponent = (u >> 4) & 0x07;
        int mantissa = u & 0x0F;
        int magnitude = (((mantissa << 3) + BIAS) << exponent) - BIAS;
        return (short) ((u & 0x80) != 0 ? -magnitude : magnitude);
    }
}
