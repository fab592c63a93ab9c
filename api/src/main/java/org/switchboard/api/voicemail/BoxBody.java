package org.switchboard.api.voicemail;

import java.util.Optional;
import org.switchboard.store.voicemail.BoxSettings;

/**
 * Request body of {@code PUT /api/voicemail/boxes/{number}}, which replaces the settings: an
 * omitted setting takes its default. {@code pin} is write-only: omitted keeps the current PIN.
 * {@link #toString()} hides it.
 */
public record BoxBody(Boolean enabled, Boolean emailMessages, Integer maxMessageSeconds, Boolean ownPhoneSkipsPin,
        String pin) {

    BoxSettings settings() {
        BoxSettings d = BoxSettings.DEFAULTS;
        return new BoxSettings(enabled == null ? d.enabled() : enabled,
                emailMessages == null ? d.emailMessages() : emailMessages,
                maxMessageSeconds == null ? d.maxMessageSeconds() : maxMessageSeconds,
                ownPhoneSkipsPin == null ? d.ownPhoneSkipsPin() : ownPhoneSkipsPin);
    }

    Optional<String> newPin() {
        return Optional.ofNullable(pin);
    }

    @Override
    public String toString() {
        return "BoxBody[enabled=" + enabled + ", emailMessages=" + emailMessages + ", maxMessageSeconds="
                + maxMessageSeconds + ", ownPhoneSkipsPin=" + ownPhoneSkipsPin + ", pin=" + (pin == null ? "kept" : "***") + "]";
    }
}
