package org.switchboard.pbx.admin;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) over HOTP (RFC 4226 §5.3 dynamic truncation), with the
 * JDK's HMAC. Authenticator apps use the defaults here: HMAC-SHA1, 6 digits, 30-second steps from
 * the Unix epoch. Stateless; any thread.
 */
public final class Totp {
    /** RFC 6238 §5.2: X, the time step, 30 seconds. */
    public static final long STEP_SECONDS = 30;
    public static final int DIGITS = 6;
    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {}

    /** The time step T of {@code at}: whole {@link #STEP_SECONDS} since the epoch (T0 = 0). */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The 6-digit HMAC-SHA1 code of {@code key} for {@code step}, zero-padded. */
    public static String code(byte[] key, long step) {
        return code(key, step, DIGITS, "HmacSHA1");
    }

    /**
     * The code of {@code key} for {@code step} with {@code digits} digits (1-8) and the JCA HMAC
     * {@code algorithm} ({@code HmacSHA1}, {@code HmacSHA256}, {@code HmacSHA512}).
     */
    public static String code(byte[] key, long step, int digits, String algorithm) {
        if (digits < 1 || digits >= POWERS.length) {
            throw new IllegalArgumentException("digits must be 1-8");
        }
        byte[] hash;
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is unavailable in this JVM", e);
        }
        // RFC 4226 §5.3: the low nibble of the last byte picks 4 bytes; their top bit is dropped.
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        String otp = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - otp.length()) + otp;
    }
}
