package org.switchboard.media.codec;

import java.util.function.IntUnaryOperator;

/**
 * The lookup tables of one G.711 law, built once from its compress/expand functions: 256 decoded
 * samples, and one code word for every linear sample at the law's resolution (16-bit samples with
 * the {@code droppedBits} low bits dropped). A-law and µ-law differ only in those functions.
 *
 * <p>Immutable after construction: any thread may call it.
 */
final class G711Table {
    private final short[] decode = new short[256];
    private final byte[] encode;
    private final int droppedBits;
    private final int indexMask;

    /**
     * @param droppedBits low bits of a 16-bit sample the law ignores (3 for A-law, 2 for µ-law)
     * @param compress 16-bit linear sample (low bits zero) to code word
     * @param expand code word (0-255) to 16-bit linear sample
     */
    G711Table(int droppedBits, IntUnaryOperator compress, IntUnaryOperator expand) {
        this.droppedBits = droppedBits;
        this.encode = new byte[1 << (16 - droppedBits)];
        this.indexMask = encode.length - 1;
        for (int code = 0; code < decode.length; code++) {
            decode[code] = (short) expand.applyAsInt(code);
        }
        for (int i = 0; i < encode.length; i++) {
            // index i holds the high bits of a two's complement sample: shift back and sign-extend
            encode[i] = (byte) compress.applyAsInt((short) (i << droppedBits));
        }
    }

    byte encode(short sample) {
        return encode[(sample >> droppedBits) & indexMask];
    }

    short decode(byte code) {
        return decode[code & 0xFF];
    }

    void encode(short[] pcm, int from, byte[] out, int to, int length) {
        for (int i = 0; i < length; i++) {
            out[to + i] = encode(pcm[from + i]);
        }
    }

    void decode(byte[] codes, int from, short[] out, int to, int length) {
        for (int i = 0; i < length; i++) {
            out[to + i] = decode(codes[from + i]);
        }
    }
}
