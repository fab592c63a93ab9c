package org.switchboard.media.srtp;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-SHA1 (RFC 2104) over one reused JDK SHA-1 digest, writing into a caller's array. The JDK's
 * {@code Mac.doFinal} allocates its result (and {@code doFinal(byte[], int)} copies from a fresh array), which
 * the per-packet path must not do; the construction here is the same two hashes the JDK's HMAC runs.
 *
 * <p>Not thread-safe: owned by one {@link SrtpContext}.
 */
final class HmacSha1 {
    static final int LENGTH = 20;
    private static final int BLOCK = 64;

    private final MessageDigest sha1;
    private final byte[] innerPad = new byte[BLOCK];
    private final byte[] outerPad = new byte[BLOCK];
    private final byte[] inner = new byte[LENGTH];

    HmacSha1(byte[] key) {
        if (key.length > BLOCK) {
            throw new IllegalArgumentException("HMAC keys longer than a block are not used by SRTP");
        }
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
        for (int i = 0; i < BLOCK; i++) {
            byte k = i < key.length ? key[i] : 0;
            innerPad[i] = (byte) (k ^ 0x36);
            outerPad[i] = (byte) (k ^ 0x5c);
        }
    }

    /** Starts a new message. */
    void start() {
        sha1.reset();
        sha1.update(innerPad);
    }

    void update(byte[] data, int offset, int length) {
        sha1.update(data, offset, length);
    }

    /** Adds a 32-bit big-endian value (the ROC). */
    void updateInt(int value) {
        sha1.update((byte) (value >>> 24));
        sha1.update((byte) (value >>> 16));
        sha1.update((byte) (value >>> 8));
        sha1.update((byte) value);
    }

    /** Writes the 20-byte MAC of the message into {@code out[offset...]}. */
    void finish(byte[] out, int offset) {
        try {
            sha1.digest(inner, 0, LENGTH);
            sha1.update(outerPad);
            sha1.update(inner);
            sha1.digest(out, offset, LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
    }
}
