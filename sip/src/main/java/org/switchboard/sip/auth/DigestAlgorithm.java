package org.switchboard.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The digest algorithms SIP uses (RFC 7616, RFC 8760). Stateless and safe from any thread.
 *
 * <p>Only HA1 = H(username ":" realm ":" password) is stored for a user, never the password itself,
 * so a stolen database does not hand out the plain secrets.
 *
 * <p>The "-sess" variants are not offered: they need the client nonce in HA1, which defeats storing
 * HA1, and SIP user agents rarely implement them.
 */
public enum DigestAlgorithm {
    MD5("MD5", "MD5", 1),
    SHA_256("SHA-256", "SHA-256", 3),
    // RFC 8760 §2.2: SHA-512/256 truncation; the token spells it with a hyphen.
    SHA_512_256("SHA-512-256", "SHA-512/256", 2);

    private final String token;
    private final String jcaName;
    private final int preference;
    /** Never used directly, only cloned, so sharing it across threads is safe. */
    private final MessageDigest prototype;
    /** One clone per thread: a digest resets itself after each hash, and a clone per hash was garbage on every REGISTER. */
    private final ThreadLocal<MessageDigest> digests = ThreadLocal.withInitial(this::cloneDigest);

    DigestAlgorithm(String token, String jcaName, int preference) {
        this.token = token;
        this.jcaName = jcaName;
        this.preference = preference;
        try {
            this.prototype = MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides " + jcaName, e);
        }
    }

    /** The name as written in the {@code algorithm} parameter of a challenge. */
    public String token() {
        return token;
    }

    /**
     * How much a client prefers this algorithm when a server offers several; higher wins. SHA-256
     * ranks first because RFC 8760 §2.3 lists it first and every SHA-capable SIP peer has it.
     */
    int preference() {
        return preference;
    }

    /** Parses the {@code algorithm} parameter; an absent parameter means MD5 (RFC 7616 §3.3). */
    public static Optional<DigestAlgorithm> fromToken(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.of(MD5);
        }
        String upper = token.toUpperCase(Locale.ROOT);
        for (DigestAlgorithm a : values()) {
            if (a.token.equals(upper)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Lower-case hex of the hash of {@code text} (UTF-8). */
    public String hashHex(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Number of hex characters in a hash of this algorithm (32 for MD5, 64 for the SHA ones). */
    public int hexLength() {
        return this == MD5 ? 32 : 64;
    }

    /** HA1 = H(username ":" realm ":" password), lower-case hex. */
    public String ha1(String username, String realm, String password) {
        return hashHex(username + ":" + realm + ":" + password);
    }

    /** HA2 = H(method ":" digest-uri) for qop "auth" or no qop (RFC 7616 §3.4.3). */
    public String ha2(String method, String digestUri) {
        return hashHex(method + ":" + digestUri);
    }

    /**
     * The request-digest with qop "auth": H(HA1 ":" nonce ":" nc ":" cnonce ":" qop ":" HA2)
     * (RFC 7616 §3.4.1).
     */
    public String response(String ha1, String nonce, String nc, String cnonce, String qop, String ha2) {
        return hashHex(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }

    /** The RFC 2069 request-digest used when the server offered no qop: H(HA1 ":" nonce ":" HA2). */
    public String responseWithoutQop(String ha1, String nonce, String ha2) {
        return hashHex(ha1 + ":" + nonce + ":" + ha2);
    }

    /** This thread's MessageDigest ({@code digest(byte[])} leaves it reset for the next use). */
    private MessageDigest digest() {
        return digests.get();
    }

    /**
     * A MessageDigest of its own for a thread. It is not thread-safe; cloning the prototype skips
     * the provider lookup of {@code getInstance}, which dominated the cost of short inputs like these.
     */
    private MessageDigest cloneDigest() {
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's " + jcaName + " supports clone", e);
        }
    }
}
