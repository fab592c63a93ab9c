package org.switchboard.api.extension;

import org.switchboard.pbx.extension.DigestChoice;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.store.db.ValidationException;

/**
 * Request body of {@code POST /api/extensions} and {@code PUT /api/extensions/{number}}.
 * Secrets are write-only: {@code password} and {@code voicemail_pin} may be omitted on update to
 * keep the stored ones. {@code digest_algorithm} is {@code auto} (the default), {@code md5} or
 * {@code sha-256}. {@link #toString()} hides them.
 */
public record ExtensionBody(
        String number,
        String name,
        String password,
        String email,
        String voicemailPin,
        Boolean allowExternal,
        Boolean enabled,
        String digestAlgorithm) {

    /** The service input; {@code number} is the path's number on update. */
    ExtensionInput toInput(String number) {
        return new ExtensionInput(
                number,
                name,
                password,
                email,
                voicemailPin,
                allowExternal != null && allowExternal,
                enabled == null || enabled,
                digestAlgorithm == null ? DigestChoice.AUTO : DigestChoice.fromToken(digestAlgorithm).orElseThrow(
                        () -> new ValidationException("digest_algorithm", "must be auto, md5 or sha-256")));
    }

    @Override
    public String toString() {
        return "ExtensionBody[number=" + number + ", name=" + name + ", password=***, email=" + email
                + ", voicemailPin=***, allowExternal=" + allowExternal + ", enabled=" + enabled
                + ", digestAlgorithm=" + digestAlgorithm + "]";
    }
}
