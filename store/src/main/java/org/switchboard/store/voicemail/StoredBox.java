package org.switchboard.store.voicemail;

import java.time.Instant;
import java.util.Optional;

/**
 * A voicemail box row: the settings, the wrong-PIN count and lock-out, and the file names (in the
 * box's folder) of the greetings its owner recorded, null when none. {@code createdAt} and
 * {@code updatedAt} are null for {@link #defaults} (a box whose row was never written). Immutable.
 */
public record StoredBox(long extensionId, BoxSettings settings, int failedPinCount, Instant lockedUntil,
        String greetingUnavailable, String greetingBusy, String greetingName, Instant createdAt, Instant updatedAt) {

    /** The box of an extension without a row: default settings, no failures, no greetings. */
    public static StoredBox defaults(long extensionId) {
        return new StoredBox(extensionId, BoxSettings.DEFAULTS, 0, null, null, null, null, null, null);
    }

    /** The file name of the greeting of this kind, if recorded. */
    public Optional<String> greeting(GreetingKind kind) {
        return Optional.ofNullable(switch (kind) {
            case UNAVAILABLE -> greetingUnavailable;
            case BUSY -> greetingBusy;
            case NAME -> greetingName;
        });
    }

    /** Whether a lock-out after wrong PINs holds at {@code now}. */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
