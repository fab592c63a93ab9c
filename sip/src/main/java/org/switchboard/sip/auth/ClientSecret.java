package org.switchboard.sip.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * What a client knows to answer a digest challenge: the password, or only an HA1 precomputed for
 * one realm and algorithm. Immutable and safe from any thread; {@code toString()} never shows the
 * secret.
 */
public sealed interface ClientSecret {

    /** The HA1 for this user, realm and algorithm, if this secret can produce it. */
    Optional<String> ha1(String username, String realm, DigestAlgorithm algorithm);

    /** A plain password: answers any realm and algorithm. */
    record Password(String password) implements ClientSecret {
        @Override
        public Optional<String> ha1(String username, String realm, DigestAlgorithm algorithm) {
            return Optional.of(algorithm.ha1(username, realm, password));
        }

        @Override
        public String toString() {
            return "Password[***]";
        }
    }

    /** A stored HA1: answers only challenges of its own realm and algorithm. */
    record Ha1(String realm, DigestAlgorithm algorithm, String hex) implements ClientSecret {
        public Ha1 {
            hex = hex.toLowerCase(Locale.ROOT);
        }

        @Override
        public Optional<String> ha1(String username, String realm, DigestAlgorithm algorithm) {
            return this.realm.equals(realm) && this.algorithm == algorithm ? Optional.of(hex) : Optional.empty();
        }

        @Override
        public String toString() {
            return "Ha1[realm=" + realm + ", algorithm=" + algorithm.token() + ", ***]";
        }
    }
}
