package org.switchboard.pbx.routing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The features a dial-plan rule can start (its target names one). Immutable. */
public enum Feature {
    /** Voicemail of the caller's extension ({@code *97}). */
    VOICEMAIL,
    /** Forward all calls: to the dialled argument, or the last target when none ({@code *72}). */
    FORWARD_ON,
    /** Stop forwarding all calls, keeping the target ({@code *73}). */
    FORWARD_OFF,
    /** Do-not-disturb on ({@code *78}). */
    DND_ON,
    /** Do-not-disturb off ({@code *79}). */
    DND_OFF;

    /** The name used in rule targets and JSON: {@code forward_on}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The feature with this key, case-insensitively; empty if unknown. */
    public static Optional<Feature> parse(String key) {
        return Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(key.strip())).findFirst();
    }

    /** Every key, comma-separated, for error messages. */
    public static String keys() {
        return Arrays.stream(values()).map(Feature::key).collect(Collectors.joining(", "));
    }
}
