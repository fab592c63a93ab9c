package org.switchboard.store.callsettings;

import java.time.Instant;

/**
 * An extension's call settings: the stored row, or the defaults of an extension that never saved
 * any, whose {@code createdAt} and {@code updatedAt} are then null. Immutable.
 */
public record CallSettings(String extensionNumber, NewCallSettings values, Instant createdAt, Instant updatedAt) {

    /** The settings of an extension without a row. */
    public static CallSettings defaults(String extensionNumber) {
        return new CallSettings(extensionNumber, NewCallSettings.DEFAULTS, null, null);
    }
}
