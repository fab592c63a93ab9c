package org.switchboard.pbx.extension;

import java.util.List;
import java.util.Optional;
import org.switchboard.sip.auth.DigestAlgorithm;

/**
 * Which digest algorithm an extension's phones are challenged with (docs/configuration.md, "Digest
 * algorithm per phone"). {@link #AUTO} leaves it to the User-Agent rules and the node's default;
 * the others offer one algorithm and accept answers in that one only. Immutable.
 */
public enum DigestChoice {
    AUTO("auto"),
    MD5("md5"),
    SHA_256("sha-256");

    private final String token;

    DigestChoice(String token) {
        this.token = token;
    }

    /** The name stored and shown in the API: {@code auto}, {@code md5}, {@code sha-256}. */
    public String token() {
        return token;
    }

    /** The choice named by a stored or typed token, if it is one. */
    public static Optional<DigestChoice> fromToken(String token) {
        for (DigestChoice c : values()) {
            if (c.token.equals(token)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The only algorithm challenged with, when the choice fixes one. */
    public Optional<List<DigestAlgorithm>> fixedOffer() {
        return switch (this) {
            case AUTO -> Optional.empty();
            case MD5 -> Optional.of(List.of(DigestAlgorithm.MD5));
            case SHA_256 -> Optional.of(List.of(DigestAlgorithm.SHA_256));
        };
    }

    /** Whether an answer in {@code algorithm} may be accepted for this extension. */
    public boolean allows(DigestAlgorithm algorithm) {
        return fixedOffer().map(offer -> offer.contains(algorithm)).orElse(true);
    }
}
