package org.switchboard.media.srtp;

/**
 * The SRTP key derivation function (RFC 3711 §4.3) with key derivation rate 0: session keys are derived once
 * per master key, with the AES-CM PRF keyed by the master key at IV = (label || 0^48) XOR master salt, times
 * 2^16.
 */
final class KeyDerivation {
    static final int SRTP_ENCRYPTION = 0;
    static final int SRTP_AUTHENTICATION = 1;
    static final int SRTP_SALT = 2;
    static final int SRTCP_ENCRYPTION = 3;
    static final int SRTCP_AUTHENTICATION = 4;
    static final int SRTCP_SALT = 5;

    // key_id (label || r, 56 bits) is aligned with the low end of the 112-bit salt: the label is byte 7
    private static final int LABEL_BYTE = 7;

    private final AesCounterMode prf;
    private final byte[] masterSalt;

    KeyDerivation(byte[] masterKey, byte[] masterSalt) {
        this.prf = new AesCounterMode(masterKey);
        this.masterSalt = masterSalt.clone();
    }

    /** The {@code length}-byte session key for {@code label}. */
    byte[] derive(int label, int length) {
        byte[] iv = new byte[16];
        System.arraycopy(masterSalt, 0, iv, 0, SrtpSuite.SALT_LENGTH);
        iv[LABEL_BYTE] ^= (byte) label;
        byte[] key = new byte[length];
        prf.apply(iv, key, 0, length);
        return key;
    }
}
