package org.switchboard.media.srtp;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One SRTP master key with its master salt (RFC 3711 §8), as SDES carries it in an {@code inline:} key
 * parameter (RFC 4568 §6.1): the key lifetime in packets and the optional master key identifier carried in
 * every packet.
 *
 * @param key the 16-byte master key
 * @param salt the 14-byte master salt
 * @param lifetime how many SRTP packets, and separately SRTCP packets, the key may protect
 * @param mki the MKI value written into each packet, as many bytes as the MKI length; empty for no MKI
 */
public record SrtpMasterKey(byte[] key, byte[] salt, long lifetime, byte[] mki) {
    /** RFC 3711 §9.2: at most 2^48 SRTP packets per master key (SRTCP: 2^31, enforced by its index). */
    public static final long MAX_LIFETIME = 1L << 48;
    private static final int MAX_MKI_LENGTH = 128;

    /** Validates lengths and copies the arrays. */
    public SrtpMasterKey {
        if (key.length != SrtpSuite.KEY_LENGTH || salt.length != SrtpSuite.SALT_LENGTH) {
            throw new IllegalArgumentException("an AES-128 master key is 16 bytes and its salt 14; got "
                    + key.length + " and " + salt.length);
        }
        if (lifetime < 1 || lifetime > MAX_LIFETIME) {
            throw new IllegalArgumentException("key lifetime out of range: " + lifetime);
        }
        if (mki.length > MAX_MKI_LENGTH) {
            throw new IllegalArgumentException("MKI longer than 128 bytes");
        }
        key = key.clone();
        salt = salt.clone();
        mki = mki.clone();
    }

    /** A key of the concatenated key and salt (an SDES {@code inline:} value), with the default lifetime, no MKI. */
    public static SrtpMasterKey of(byte[] keyAndSalt) {
        return of(keyAndSalt, MAX_LIFETIME, new byte[0]);
    }

    /** A key of the concatenated key and salt, its lifetime and MKI. */
    public static SrtpMasterKey of(byte[] keyAndSalt, long lifetime, byte[] mki) {
        if (keyAndSalt.length != SrtpSuite.KEY_LENGTH + SrtpSuite.SALT_LENGTH) {
            throw new IllegalArgumentException("key||salt must be 30 bytes, got " + keyAndSalt.length);
        }
        return new SrtpMasterKey(Arrays.copyOf(keyAndSalt, SrtpSuite.KEY_LENGTH),
                Arrays.copyOfRange(keyAndSalt, SrtpSuite.KEY_LENGTH, keyAndSalt.length), lifetime, mki);
    }

    /** A fresh random key and salt from {@code random}, default lifetime, no MKI. */
    public static SrtpMasterKey generate(SecureRandom random) {
        byte[] keyAndSalt = new byte[SrtpSuite.KEY_LENGTH + SrtpSuite.SALT_LENGTH];
        random.nextBytes(keyAndSalt);
        return of(keyAndSalt);
    }

    /** Key then salt: the bytes an SDES {@code inline:} parameter carries in base64. */
    public byte[] keyAndSalt() {
        byte[] out = Arrays.copyOf(key, SrtpSuite.KEY_LENGTH + SrtpSuite.SALT_LENGTH);
        System.arraycopy(salt, 0, out, SrtpSuite.KEY_LENGTH, SrtpSuite.SALT_LENGTH);
        return out;
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] mki() {
        return mki.clone();
    }

    int mkiLength() {
        return mki.length;
    }

    byte mkiByte(int i) {
        return mki[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SrtpMasterKey k && Arrays.equals(key, k.key) && Arrays.equals(salt, k.salt)
                && lifetime == k.lifetime && Arrays.equals(mki, k.mki);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key) * 31 + Arrays.hashCode(salt);
    }

    /** Never shows the key: logs must not leak it. */
    @Override
    public String toString() {
        return "SrtpMasterKey[lifetime=" + lifetime + ", mki=" + HexFormat.of().formatHex(mki) + "]";
    }
}
