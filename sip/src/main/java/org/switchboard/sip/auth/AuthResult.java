package org.switchboard.sip.auth;

/**
 * The verdict on one {@code Authorization} or {@code Proxy-Authorization} value. Expected outcomes
 * of a hot path, so a value rather than exceptions. Immutable, safe from any thread.
 *
 * <p>How a SIP server answers each (RFC 3261 §22.2-22.3): {@link Ok} lets the request through;
 * {@link Stale} gets a fresh challenge with {@code stale=true} so the phone retries without asking
 * its user; {@link Invalid} gets a fresh challenge (or 403 after repeated failures) and counts as a
 * failed attempt; {@link Malformed} gets 400. Reasons are for logs and metrics, never for the peer:
 * telling an attacker "unknown user" apart from "wrong password" helps them enumerate accounts.
 */
public sealed interface AuthResult {

    /** The credentials are right for this request. */
    record Ok(String username, DigestAlgorithm algorithm) implements AuthResult {}

    /** The credentials were computed correctly but over an expired or forgotten nonce. */
    record Stale() implements AuthResult {}

    /** Well formed but wrong: bad password, unknown user, foreign nonce, replayed nonce-count. */
    record Invalid(String reason) implements AuthResult {}

    /** Not readable as digest credentials. */
    record Malformed(String reason) implements AuthResult {}
}
