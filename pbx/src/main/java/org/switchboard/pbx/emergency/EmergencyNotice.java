package org.switchboard.pbx.emergency;

import java.time.Instant;
import java.util.Optional;
import org.switchboard.store.emergency.CivicAddress;

/**
 * What the people told of an emergency call learn: who called (extension, and its name once looked
 * up), the number, the callback number the emergency service sees, where the caller is, and when.
 * Immutable.
 */
public record EmergencyNotice(String callId, String extension, String name, String number, String callbackNumber,
        Optional<CivicAddress> location, Instant at) {

    /** The location on one line, or a sentence saying none is saved. */
    public String where() {
        return location.map(CivicAddress::describe).orElse("no location saved for extension " + extension);
    }

    /** The caller as people read it: {@code Alice (1001)}, or the number alone. */
    public String who() {
        return name.isBlank() ? extension : name + " (" + extension + ")";
    }

    /** The same notice with the caller's name. */
    EmergencyNotice named(String found) {
        return new EmergencyNotice(callId, extension, found, number, callbackNumber, location, at);
    }
}
