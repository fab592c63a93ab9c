package org.switchboard.api.extension;

import java.time.Instant;
import org.switchboard.store.extension.Extension;

/**
 * Response body for one extension. Lists its fields one by one so that no secret (password, HA1,
 * PIN hash) can ever reach a response; only whether a voicemail PIN is set is shown.
 */
public record ExtensionView(
        String number,
        String name,
        String email,
        boolean allowExternal,
        boolean enabled,
        String digestAlgorithm,
        boolean hasVoicemailPin,
        Instant createdAt,
        Instant updatedAt) {

    static ExtensionView of(Extension e) {
        return new ExtensionView(
                e.number(),
                e.name(),
                e.email(),
                e.allowExternal(),
                e.enabled(),
                e.digestAlgorithm(),
                e.voicemailPinHash() != null,
                e.createdAt(),
                e.updatedAt());
    }
}
