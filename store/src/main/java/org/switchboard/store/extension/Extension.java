package org.switchboard.store.extension;

import java.time.Instant;

/**
 * A stored extension as read from the database. Holds only hashed secrets: the digest HA1s made
 * for {@code realm} and the voicemail PIN hash. {@code email} and {@code voicemailPinHash} are
 * null when not set. {@code digestAlgorithm} is {@code auto}, {@code md5} or {@code sha-256}
 * (V060). Immutable; {@link #toString()} hides the hashes.
 */
public record Extension(
        long id,
        String number,
        String name,
        String email,
        String ha1Md5,
        String ha1Sha256,
        String realm,
        String voicemailPinHash,
        boolean allowExternal,
        boolean enabled,
        String digestAlgorithm,
        Instant createdAt,
        Instant updatedAt) {

    @Override
    public String toString() {
        return "Extension[id=" + id + ", number=" + number + ", name=" + name + ", email=" + email
                + ", realm=" + realm + ", allowExternal=" + allowExternal + ", enabled=" + enabled
                + ", digestAlgorithm=" + digestAlgorithm + ", createdAt=" + createdAt + ", updatedAt=" + updatedAt + "]";
    }
}
