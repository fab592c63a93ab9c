package org.switchboard.media.srtp;

import java.util.Optional;

/**
 * The crypto suites this package implements (RFC 4568 §6.2): AES in counter mode with a 128-bit key and a
 * 112-bit salt, HMAC-SHA1 authentication truncated to 80 or 32 bits for SRTP. SRTCP always carries the
 * 80-bit tag (RFC 4568 §6.2.2: the _32 suite shortens the SRTP tag only).
 */
public enum SrtpSuite {
    AES_CM_128_HMAC_SHA1_80(10),
    AES_CM_128_HMAC_SHA1_32(4);

    /** Master and session encryption key length in bytes. */
    public static final int KEY_LENGTH = 16;
    /** Master and session salt length in bytes. */
    public static final int SALT_LENGTH = 14;
    /** HMAC-SHA1 session authentication key length in bytes (RFC 3711 §8.2 default n_a = 160). */
    static final int AUTH_KEY_LENGTH = 20;
    private static final int SRTCP_TAG_LENGTH = 10;

    private final int rtpTagLength;

    SrtpSuite(int rtpTagLength) {
        this.rtpTagLength = rtpTagLength;
    }

    /** Length of the authentication tag appended to SRTP packets, in bytes. */
    public int rtpTagLength() {
        return rtpTagLength;
    }

    /** Length of the authentication tag appended to SRTCP packets, in bytes. */
    public int rtcpTagLength() {
        return SRTCP_TAG_LENGTH;
    }

    /** The name in {@code a=crypto} lines. */
    public String sdesName() {
        return name();
    }

    /** The suite called {@code name} in an {@code a=crypto} line, if this package implements it. */
    public static Optional<SrtpSuite> fromSdesName(String name) {
        for (SrtpSuite s : values()) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
