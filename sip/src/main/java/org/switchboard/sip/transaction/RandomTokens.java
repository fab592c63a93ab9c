package org.switchboard.sip.transaction;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.switchboard.sip.message.Via;

/**
 * Fresh branch and tag values: a branch starts with the RFC 3261 §8.1.1.7 magic cookie and is
 * unique in space and time; a tag (§19.3) needs 32 random bits at least, we use 64. Any thread.
 */
public final class RandomTokens {
    private RandomTokens() {}

    /** A new Via branch. */
    public static String branch() {
        return Via.MAGIC_COOKIE + hex(12);
    }

    /** A new From or To tag. */
    public static String tag() {
        return hex(8);
    }

    /** A new Call-ID local part (RFC 3261 §8.1.1.4: globally unique with high probability). */
    public static String callId() {
        return hex(16);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
