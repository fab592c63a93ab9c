package org.switchboard.media.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in counter mode as SRTP uses it (RFC 3711 §4.1.1): the 16-byte IV's last two bytes are zero and
 * count the blocks of one packet. The keystream is made by encrypting the counter blocks with one reused
 * AES/ECB cipher: re-initialising the JDK's AES/CTR for every packet's IV allocates a parameter spec and
 * copies of it, and measured slower (docs/performance.md, "SRTP").
 *
 * <p>Not thread-safe: owned by one {@link SrtpContext}.
 */
final class AesCounterMode {
    private static final int BLOCK = 16;
    // 64 blocks: any audio packet in one cipher call; longer packets are done in several
    private static final int CHUNK_BLOCKS = 64;

    private final Cipher ecb;
    private final byte[] counters = new byte[CHUNK_BLOCKS * BLOCK];
    private final byte[] keystream = new byte[CHUNK_BLOCKS * BLOCK];

    AesCounterMode(byte[] key) {
        try {
            ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no AES", e);
        }
    }

    /**
     * XORs the keystream for {@code iv} (last two bytes zero) onto {@code data[offset, offset + length)}:
     * encrypts and decrypts alike.
     */
    void apply(byte[] iv, byte[] data, int offset, int length) {
        int block = 0;
        int done = 0;
        while (done < length) {
            int chunk = Math.min(length - done, CHUNK_BLOCKS * BLOCK);
            int blocks = (chunk + BLOCK - 1) / BLOCK;
            for (int b = 0; b < blocks; b++, block++) {
                int at = b * BLOCK;
                System.arraycopy(iv, 0, counters, at, BLOCK - 2);
                counters[at + 14] = (byte) (block >>> 8);
                counters[at + 15] = (byte) block;
            }
            try {
                ecb.update(counters, 0, blocks * BLOCK, keystream, 0);
            } catch (ShortBufferException e) {
                throw new IllegalStateException(e);
            }
            int at = offset + done;
            for (int i = 0; i < chunk; i++) {
                data[at + i] ^= keystream[i];
            }
            done += chunk;
        }
    }
}
