package org.switchboard.sip.auth;

import java.util.Optional;

/**
 * Looks up the stored HA1 of a user for one realm and algorithm. Implemented by the PBX over its
 * in-memory credential cache; it is called on the verifying thread (a call executor), so it must
 * not block on I/O.
 */
@FunctionalInterface
public interface Ha1Source {

    /** The lower-case hex HA1 of {@code username} in {@code realm} for {@code algorithm}, if known. */
    Optional<String> ha1(String username, String realm, DigestAlgorithm algorithm);
}
