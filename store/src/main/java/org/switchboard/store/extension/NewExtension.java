package org.switchboard.store.extension;

import java.util.regex.Pattern;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * The values an extension is created or updated with, secrets already hashed by the caller
 * (HA1s for {@code realm}, the voicemail PIN hash). Validates the stored shape on construction
 * ({@link ValidationException} naming the field); the user-facing rules live in the pbx service.
 * {@code email} and {@code voicemailPinHash} may be null. Immutable; {@link #toString()} hides the hashes.
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
        boolean enabled) {

    private static final Pattern HEX_MD5 = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

    public NewExtension {
        number = Fields.required(number, "number");
        Fields.check(number.length() <= 32, "number", "must be at most 32 characters");
        name = Fields.required(name, "name");
        Fields.check(name.length() <= 200, "name", "must be at most 200 characters");
        if (email != null) {
            email = email.isBlank() ? null : email.strip();
        }
        Fields.check(email == null || email.length() <= 254, "email", "must be at most 254 characters");
        Fields.check(ha1Md5 != null && HEX_MD5.matcher(ha1Md5).matches(), "ha1_md5", "must be 32 lower-case hex digits");
        Fields.check(ha1Sha256 != null && HEX_SHA256.matcher(ha1Sha256).matches(), "ha1_sha256",
                "must be 64 lower-case hex digits");
        realm = Fields.required(realm, "realm");
        Fields.check(voicemailPinHash == null || !voicemailPinHash.isBlank(), "voicemail_pin_hash", "must not be blank");
    }

    @Override
    public String toString() {
        return "NewExtension[number=" + number + ", name=" + name + ", email=" + email + ", realm=" + realm
                + ", allowExternal=" + allowExternal + ", enabled=" + enabled + "]";
    }
}
