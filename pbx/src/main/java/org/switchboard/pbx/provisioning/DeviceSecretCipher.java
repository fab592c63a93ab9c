package org.switchboard.pbx.provisioning;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens the SIP passwords generated for provisioned devices with AES-256-GCM, so the
 * database holds only ciphertext and a stolen backup without the server's key file reveals no
 * password. The device's MAC is the associated data: a sealed value copied onto another device's
 * row does not open. Thread-safe (a new {@link Cipher} per call); any thread.
 */
public final class DeviceSecretCipher {
    /** Length of the key in bytes (AES-256). */
    public static final int KEY_BYTES = 32;
    private static final String PREFIX = "v1:";
    // NIST SP 800-38D §8.2: 96-bit random IVs; a key seals far fewer than 2^32 values here.
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param key {@link #KEY_BYTES} bytes, e.g. read from the server's key file */
    public DeviceSecretCipher(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the provisioning key must be " + KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** A fresh random key, for a server creating its key file for the first time and for tests. */
    public static byte[] newKey() {
        byte[] k = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(k);
        return k;
    }

    /** Seals {@code password} for the device {@code mac}; the result is printable text. */
    public String seal(MacAddress mac, String password) {
        return seal(mac.hex(), password);
    }

    /**
     * Seals a secret bound to {@code owner} (the associated data), for other secrets the node must
     * send in clear later, such as a SIP trunk's password: a sealed value copied onto another
     * owner's row does not open.
     */
    public String seal(String owner, String password) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, iv, owner);
            byte[] sealed = c.doFinal(password.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this JVM", e);
        }
    }

    /**
     * Opens a value made by {@link #seal} for the same device.
     *
     * @throws SealedSecretException when the value was sealed with another key, for another
     *     device, or was altered
     */
    public String open(MacAddress mac, String sealed) {
        return open(mac.hex(), "device " + mac, sealed);
    }

    /**
     * Opens a value made by {@link #seal(String, String)} for the same owner.
     *
     * @throws SealedSecretException when the value was sealed with another key, for another
     *     owner, or was altered
     */
    public String open(String owner, String sealed) {
        return open(owner, owner, sealed);
    }

    private String open(String owner, String what, String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new SealedSecretException(what + ": stored SIP secret has an unknown format");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            if (all.length <= IV_BYTES) {
                throw new SealedSecretException(what + ": stored SIP secret is truncated");
            }
            Cipher c = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(all, IV_BYTES), owner);
            return new String(c.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new SealedSecretException(what
                    + ": stored SIP secret does not open with this key (key file changed, or the row was altered)");
        }
    }

    private Cipher cipher(int mode, byte[] iv, String owner) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        c.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
        return c;
    }
}
