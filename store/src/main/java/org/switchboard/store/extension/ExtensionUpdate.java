package org.switchboard.store.extension;

import java.util.Optional;
import org.switchboard.store.db.ValidationException;

/**
 * The new values of an existing extension. The secrets are optional: an empty {@code digest} or
 * {@code voicemailPinHash} keeps what the row holds at the moment of the UPDATE, inside that one
 * statement, so an update that does not change the password cannot write back HA1s that another
 * node replaced after this one read the row. Validates the stored shape on construction
 * ({@link ValidationException} naming the field). Immutable; {@link #toString()} hides the hashes.
 */
public record ExtensionUpdate(
        String number,
        String name,
        String email,
        Optional<Digest> digest,
        Optional<String> voicemailPinHash,
        boolean allowExternal,
        boolean enabled,
        String digestAlgorithm) {

    public ExtensionUpdate {
        digestAlgorithm = ExtensionFields.digestAlgorithm(digestAlgorithm);
        number = ExtensionFields.number(number);
        name = ExtensionFields.name(name);
        email = ExtensionFields.email(email);
        ExtensionFields.voicemailPinHash(voicemailPinHash.orElse(null));
    }

    /** New digest credentials: both HA1s and the realm they were computed for (RFC 7616 §3.4.2), replaced together. */
    public record Digest(String ha1Md5, String ha1Sha256, String realm) {
        public Digest {
            ExtensionFields.ha1s(ha1Md5, ha1Sha256);
            realm = ExtensionFields.realm(realm);
        }

        @Override
        public String toString() {
            return "Digest[realm=" + realm + "]";
        }
    }

    @Override
    public String toString() {
        return "ExtensionUpdate[number=" + number + ", name=" + name + ", email=" + email
                + ", digest=" + (digest.isPresent() ? "new for " + digest.get().realm() : "kept")
                + ", voicemailPin=" + (voicemailPinHash.isPresent() ? "new" : "kept")
                + ", allowExternal=" + allowExternal + ", enabled=" + enabled
                + ", digestAlgorithm=" + digestAlgorithm + "]";
    }
}
