package org.switchboard.api.callsettings;

import java.time.Instant;
import org.switchboard.store.callsettings.CallSettings;
import org.switchboard.store.callsettings.Forwarding;

/**
 * Response body for an extension's call settings; {@code updated_at} is omitted while only the defaults apply,
 * {@code moh_class} while the extension uses the default music-on-hold class.
 */
public record CallSettingsView(
        String extension,
        ForwardingView forwardAlways,
        ForwardingView forwardBusy,
        NoAnswerView forwardNoAnswer,
        boolean doNotDisturb,
        String mohClass,
        String mediaEncryption,
        Instant updatedAt) {

    /** One forwarding; {@code target} omitted when none was ever set. */
    public record ForwardingView(boolean enabled, String target) {
        static ForwardingView of(Forwarding f) {
            return new ForwardingView(f.enabled(), f.target());
        }
    }

    /** Forwarding on no answer and the ring time before it. */
    public record NoAnswerView(boolean enabled, String target, int timeoutSeconds) {}

    static CallSettingsView of(CallSettings s) {
        var v = s.values();
        return new CallSettingsView(s.extensionNumber(), ForwardingView.of(v.forwardAlways()), ForwardingView.of(v.forwardBusy()),
                new NoAnswerView(v.forwardNoAnswer().enabled(), v.forwardNoAnswer().target(), v.noAnswerTimeoutSeconds()),
                v.doNotDisturb(), v.mohClass(), v.mediaEncryption().wireName(), s.updatedAt());
    }
}
