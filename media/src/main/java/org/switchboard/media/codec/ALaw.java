package org.switchboard.media.codec;

/**
 * ITU-T G.711 A-law (PCMA, RTP payload type 8) encoder and decoder, driven by tables built once.
 *
 * <p>Stateless and immutable: any thread may call it.
 */
public final class ALaw {
    // G.711 A-law works on 13-bit linear samples: the three low bits of a 16-bit sample are dropped.
    private static final short[] DECODE = new short[256];
    private static final byte[] ENCODE = new byte[1 << 13];

    static {
        for (int code = 0; code < 256; code++) {
            DECODE[code] = expand(code);
        }
        for (int i = 0; i < ENCODE.length; i++) {
            // index i is the 13-bit two's complement sample; sign-extend it
            int sample13 = (i << 19) >> 19;
            ENCODE[i] = compress(sample13);
        }
    }

    private ALaw() {}

    /** Returns the A-law code word for one 16-bit linear sample. */
    public static byte encode(short sample) {
        return ENCODE[(sample >> 3) & 0x1FFF];
    }

    /** Returns the 16-bit linear sample for one A-law code word. */
    public static short decode(byte code) {
        return DECODE[code & 0xFF];
    }

    /** Encodes {@code length} samples from {@code pcm[from]} into {@code out[to]}. */
    public static void encode(short[] pcm, int from, byte[] out, int to, int length) {
        for (int i = 0; i < length; i++) {
            out[to + i] = encode(pcm[from + i]);
        }
    }

    /** Decodes {@code length} code words from {@code codes[from]} into {@code out[to]}. */
    public static void decode(byte[] codes, int from, short[] out, int to, int length) {
        for (int i = 0; i < length; i++) {
            out[to + i] = decode(codes[from + i]);
        }
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
