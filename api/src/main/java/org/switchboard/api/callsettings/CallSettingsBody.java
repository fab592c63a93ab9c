package org.switchboard.api.callsettings;

import org.switchboard.store.callsettings.Forwarding;
import org.switchboard.store.callsettings.MediaEncryption;
import org.switchboard.store.callsettings.NewCallSettings;
import org.switchboard.store.db.ValidationException;

/**
 * Request body of {@code PUT /api/extensions/{number}/call-settings}, which replaces all settings:
 * an omitted forwarding is off, an omitted ring timeout is the default, omitted do-not-disturb is off,
 * an omitted music-on-hold class is the {@code default} class, an omitted media encryption is
 * {@code offer}.
 */
public record CallSettingsBody(
        ForwardingBody forwardAlways,
        ForwardingBody forwardBusy,
        NoAnswerBody forwardNoAnswer,
        Boolean doNotDisturb,
        String mohClass,
        String mediaEncryption) {

    /** One forwarding: on or off, and where to. */
    public record ForwardingBody(Boolean enabled, String target) {
        Forwarding toForwarding() {
            return new Forwarding(enabled != null && enabled, target);
        }
    }

    /** Forwarding on no answer, with how long the extension rings first. */
    public record NoAnswerBody(Boolean enabled, String target, Integer timeoutSeconds) {}

    NewCallSettings toValues() {
        return new NewCallSettings(
                forwardAlways == null ? Forwarding.OFF : forwardAlways.toForwarding(),
                forwardBusy == null ? Forwarding.OFF : forwardBusy.toForwarding(),
                forwardNoAnswer == null ? Forwarding.OFF
                        : new Forwarding(forwardNoAnswer.enabled() != null && forwardNoAnswer.enabled(), forwardNoAnswer.target()),
                forwardNoAnswer == null || forwardNoAnswer.timeoutSeconds() == null
                        ? NewCallSettings.DEFAULT_TIMEOUT_SECONDS : forwardNoAnswer.timeoutSeconds(),
                doNotDisturb != null && doNotDisturb,
                mohClass,
                mediaEncryption == null ? MediaEncryption.OFFER : MediaEncryption.fromWireName(mediaEncryption)
                        .orElseThrow(() -> new ValidationException("media_encryption", "must be refuse, offer or require")));
    }
}
