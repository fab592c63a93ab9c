package org.switchboard.sip.auth;

import java.time.Duration;
import java.util.List;

/**
 * How the server side of digest authentication behaves; built by the server wiring from
 * configuration. Immutable, safe from any thread.
 *
 * @param nonceLifetime how long a nonce stays fresh; an older one is answered as stale
 * @param bindNonceToClientAddress whether a nonce is only valid from the address it was issued to;
 *     safer, but a phone whose NAT mapping changes between challenge and answer gets re-challenged
 * @param nonceCountCapacity how many nonces the replay check remembers at once (memory is roughly
 *     200 bytes per nonce)
 * @param offeredAlgorithms the algorithms challenged with, one header each, in preference order
 *     (RFC 8760 §2.4: the preferred one first)
 */
public record DigestServerSettings(
        Duration nonceLifetime,
        boolean bindNonceToClientAddress,
        int nonceCountCapacity,
        List<DigestAlgorithm> offeredAlgorithms) {

    /** Default nonce lifetime: long enough for a slow phone, short enough to bound replay. */
    public static final Duration DEFAULT_NONCE_LIFETIME = Duration.ofSeconds(300);
    /** Default replay-check bound: 65,536 nonces, about 13 MB at most. */
    public static final int DEFAULT_NONCE_COUNT_CAPACITY = 65_536;

    public DigestServerSettings {
        if (nonceLifetime.isNegative() || nonceLifetime.isZero()) {
            throw new IllegalArgumentException("nonce lifetime must be positive: " + nonceLifetime);
        }
        if (nonceCountCapacity < 1) {
            throw new IllegalArgumentException("nonce-count capacity must be positive: " + nonceCountCapacity);
        }
        offeredAlgorithms = List.copyOf(offeredAlgorithms);
        if (offeredAlgorithms.isEmpty() || offeredAlgorithms.size() != offeredAlgorithms.stream().distinct().count()) {
            throw new IllegalArgumentException("offered algorithms must be distinct and not empty: " + offeredAlgorithms);
        }
    }

    /** SHA-256 then MD5 (RFC 8760 §2.4: MD5 stays for older phones), 300 s nonces, not address-bound. */
    public static DigestServerSettings defaults() {
        return new DigestServerSettings(
                DEFAULT_NONCE_LIFETIME,
                false,
                DEFAULT_NONCE_COUNT_CAPACITY,
                List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5));
    }

    /** These settings with another nonce lifetime. */
    public DigestServerSettings withNonceLifetime(Duration lifetime) {
        return new DigestServerSettings(lifetime, bindNonceToClientAddress, nonceCountCapacity, offeredAlgorithms);
    }

    /** These settings with nonces bound (or not) to the client address. */
    public DigestServerSettings withNonceBoundToClientAddress(boolean bind) {
        return new DigestServerSettings(nonceLifetime, bind, nonceCountCapacity, offeredAlgorithms);
    }

    /**
     * These settings offering other algorithms, e.g. MD5 alone for peers that stop at the first
     * challenge they cannot answer (SIPp 3.6 knows only MD5).
     */
    public DigestServerSettings withOfferedAlgorithms(List<DigestAlgorithm> algorithms) {
        return new DigestServerSettings(nonceLifetime, bindNonceToClientAddress, nonceCountCapacity, algorithms);
    }

    /** These settings with another replay-check bound. */
    public DigestServerSettings withNonceCountCapacity(int capacity) {
        return new DigestServerSettings(nonceLifetime, bindNonceToClientAddress, capacity, offeredAlgorithms);
    }
}
