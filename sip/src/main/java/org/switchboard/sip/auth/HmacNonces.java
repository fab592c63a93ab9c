package org.switchboard.sip.auth;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks nonces that carry their own issue time and the set of digest algorithms the
 * challenge offered, under an HMAC-SHA256 over (time, salt, offer, realm, and optionally the client
 * address) keyed by a server secret, so validating a nonce needs no per-nonce server state and every
 * node sharing the secret accepts it. Safe from any thread.
 *
 * <p>Layout before base64url: 8 bytes issue time (epoch millis), 8 random bytes so two nonces of
 * the same millisecond differ (nonce-count tracking is keyed by nonce), 1 byte offered algorithms
 * (bit {@code 1 << ordinal}), 16 bytes truncated HMAC. Carrying the offer means an answer is checked
 * against the challenge that phone was given, on any node, without remembering the challenge.
 */
final class HmacNonces {

    private static final int TIME_BYTES = 8;
    private static final int SALT_BYTES = 8;
    private static final int OFFER_BYTES = 1;
    // 128 bits of HMAC-SHA256 are far beyond what an online forger can guess.
    private static final int MAC_BYTES = 16;
    private static final int NONCE_BYTES = TIME_BYTES + SALT_BYTES + OFFER_BYTES + MAC_BYTES;
    private static final String HMAC = "HmacSHA256";

    /** Keyed once; never used directly, only cloned, so sharing it across threads is safe. */
    private final Mac prototype;
    /**
     * One keyed Mac per thread, cloned once: Mac is not thread-safe, and a clone per nonce (the key
     * pads and digest state copied each time) was a visible part of a REGISTER's cost.
     */
    private final ThreadLocal<Mac> macs;
    private final Duration lifetime;
    private final boolean bindToClientAddress;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();
    /** Realms are the configured domains, so this stays as small as the configuration. */
    private final ConcurrentHashMap<String, String> opaques = new ConcurrentHashMap<>();

    HmacNonces(byte[] secret, Duration lifetime, boolean bindToClientAddress, InstantSource clock) {
        this.prototype = keyedMac(new SecretKeySpec(secret.clone(), HMAC));
        this.macs = ThreadLocal.withInitial(this::newMac);
        this.lifetime = lifetime;
        this.bindToClientAddress = bindToClientAddress;
        this.clock = clock;
    }

    /** What a nonce turned out to be. */
    sealed interface Check {
        /** Issued here, for this realm (and client), within its lifetime, with the algorithms it offered. */
        record Fresh(Instant issuedAt, int offer) implements Check {}

        /** Issued here but older than the lifetime, or dated after now because the clock moved back. */
        record Expired(Instant issuedAt, int offer) implements Check {}

        /** Not issued here, or for another realm or client, or altered. */
        record Forged(String reason) implements Check {}
    }

    /** A new nonce for a challenge offering the algorithms of {@code offer} ({@link #offerOf}). */
    String issue(String realm, InetAddress client, int offer) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        long now = clock.millis();
        ByteBuffer nonce = ByteBuffer.allocate(NONCE_BYTES).putLong(now).put(salt).put((byte) offer);
        nonce.put(mac(now, salt, offer, realm, client), 0, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce.array());
    }

    Check check(String nonce, String realm, InetAddress client) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return new Check.Forged("nonce is not base64url");
        }
        if (raw.length != NONCE_BYTES) {
            return new Check.Forged("nonce has the wrong length");
        }
        long issuedMillis = ByteBuffer.wrap(raw).getLong();
        byte[] salt = Arrays.copyOfRange(raw, TIME_BYTES, TIME_BYTES + SALT_BYTES);
        int offer = raw[TIME_BYTES + SALT_BYTES] & 0xff;
        if (!macMatches(mac(issuedMillis, salt, offer, realm, client), raw, TIME_BYTES + SALT_BYTES + OFFER_BYTES)) {
            return new Check.Forged("nonce signature does not match");
        }
        Instant issuedAt = Instant.ofEpochMilli(issuedMillis);
        long age = clock.millis() - issuedMillis;
        return age < 0 || age >= lifetime.toMillis()
                ? new Check.Expired(issuedAt, offer)
                : new Check.Fresh(issuedAt, offer);
    }

    /** The offer byte for a list of algorithms: one bit per algorithm. */
    static int offerOf(List<DigestAlgorithm> algorithms) {
        int offer = 0;
        for (DigestAlgorithm a : algorithms) {
            offer |= bit(a);
        }
        return offer;
    }

    /** Whether an offer byte includes {@code algorithm}. */
    static boolean offers(int offer, DigestAlgorithm algorithm) {
        return (offer & bit(algorithm)) != 0;
    }

    private static int bit(DigestAlgorithm algorithm) {
        return 1 << algorithm.ordinal();
    }

    /**
     * Whether the first {@link #MAC_BYTES} of {@code expected} equal those of {@code nonce} from
     * {@code offset}, in constant time, so the comparison leaks nothing about how much of a forgery
     * was right.
     */
    private static boolean macMatches(byte[] expected, byte[] nonce, int offset) {
        int difference = 0;
        for (int i = 0; i < MAC_BYTES; i++) {
            difference |= expected[i] ^ nonce[offset + i];
        }
        return difference == 0;
    }

    /** When a nonce issued at {@code issuedAt} stops being fresh. */
    Instant expiresAt(Instant issuedAt) {
        return issuedAt.plus(lifetime);
    }

    /**
     * A stable value for the {@code opaque} parameter of a realm; reveals nothing of the secret.
     * Computed once per realm: every challenge and every answer to one needs it.
     */
    String opaque(String realm) {
        return opaques.computeIfAbsent(realm, this::computeOpaque);
    }

    private String computeOpaque(String realm) {
        byte[] realmBytes = realm.getBytes(StandardCharsets.UTF_8);
        Mac mac = newMac();
        mac.update("opaque".getBytes(StandardCharsets.US_ASCII));
        mac.update(realmBytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac.doFinal(), 12));
    }

    private byte[] mac(long issuedMillis, byte[] salt, int offer, String realm, InetAddress client) {
        byte[] realmBytes = realm.getBytes(StandardCharsets.UTF_8);
        byte[] address = bindToClientAddress ? client.getAddress() : new byte[0];
        // Length prefixes keep (realm, address) pairs from colliding when concatenated.
        ByteBuffer input = ByteBuffer.allocate(
                        TIME_BYTES + SALT_BYTES + OFFER_BYTES + 4 + realmBytes.length + 4 + address.length)
                .putLong(issuedMillis)
                .put(salt)
                .put((byte) offer)
                .putInt(realmBytes.length)
                .put(realmBytes)
                .putInt(address.length)
                .put(address);
        return macs.get().doFinal(input.array());
    }

    /**
     * A Mac of its own for a caller. Mac is not thread-safe; cloning the keyed prototype skips the
     * provider lookup and key setup of {@code getInstance} and {@code init}.
     */
    private Mac newMac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's " + HMAC + " supports clone", e);
        }
    }

    private static Mac keyedMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime provides " + HMAC, e);
        }
    }
}
