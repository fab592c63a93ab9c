package org.switchboard.store.recording;

import java.util.Arrays;
import java.util.Locale;
import org.switchboard.store.db.ValidationException;

/** Whether an extension's calls are recorded: never, every answered call, or when asked during the call. */
public enum RecordingPolicy {
    NEVER,
    ALWAYS,
    ON_DEMAND;

    /** The name the database and the API use ({@code on_demand}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The policy named {@code label}; {@link ValidationException} on field {@code policy} otherwise. */
    public static RecordingPolicy of(String label) {
        return Arrays.stream(values()).filter(p -> p.label().equals(label)).findFirst()
                .orElseThrow(() -> new ValidationException("policy", "must be never, always or on_demand"));
    }
}
