package org.switchboard.pbx.webhook;

import java.util.List;
import java.util.Set;

/**
 * The event names a subscription may ask for, and how its filter matches an event: exactly, or
 * {@code queue.*} / {@code fraud.*} for every event of that family. Immutable; any thread.
 */
public final class WebhookEvents {
    /** Names of single events, as sent in the body's {@code event}. */
    public static final List<String> NAMES = List.of("call.started", "call.answered", "call.ended",
            "voicemail.left", "registration.changed", "emergency.call");
    /** Families a filter may take whole with {@code <family>.*}. */
    public static final List<String> FAMILIES = List.of("queue", "fraud");

    private static final Set<String> KNOWN = Set.copyOf(NAMES);

    private WebhookEvents() {}

    /** Whether a subscription may name {@code pattern}: a known event or a family's wildcard. */
    public static boolean isKnown(String pattern) {
        return KNOWN.contains(pattern) || (pattern.endsWith(".*")
                && FAMILIES.contains(pattern.substring(0, pattern.length() - 2)));
    }

    /** Whether a filter takes the event named {@code event}. */
    public static boolean matches(List<String> filter, String event) {
        for (String pattern : filter) {
            if (pattern.equals(event)
                    || (pattern.endsWith(".*") && event.startsWith(pattern.substring(0, pattern.length() - 1)))) {
                return true;
            }
        }
        return false;
    }
}
