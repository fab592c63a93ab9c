package org.switchboard.store.extension;

import org.switchboard.store.db.ValidationException;

/**
 * The values an extension is created with, secrets already hashed by the caller
 * (HA1s for {@code realm}, the voicemail PIN hash). Validates the stored shape on construction
 * ({@link ValidationException} naming the field); the user-facing rules live in the pbx service.
 * {@code email} and {@code voicemailPinHash} may be null; a null {@code digestAlgorithm} is
 * {@code auto}. Immutable; {@link #toString()} hides the hashes.
 */
public record NewExtension(
        String number,
        String name,
        String email,
        String ha1Md5,
        String ha1Sha256,
        String realm,
        String voicemailPinHash,
        boolean allowExternal,
        boolean enabled,
        String digestAlgorithm) {

    public NewExtension {
        digestAlgorithm = ExtensionFields.digestAlgorithm(digestAlgorithm);
        number = ExtensionFields.number(number);
        name = ExtensionFields.name(name);
        email = ExtensionFields.email(email);
        ExtensionFields.ha1s(ha1Md5, ha1Sha256);
        realm = ExtensionFields.realm(realm);
        ExtensionFields.voicemailPinHash(voicemailPinHash);
    }

    @Override
    public String toString() {
        return "NewExtension[number=" + number + ", name=" + name + ", email=" + email + ", realm=" + realm
                + ", allowExternal=" + allowExternal + ", enabled=" + enabled + ", digestAlgorithm=" + digestAlgorithm + "]";
    }
}
