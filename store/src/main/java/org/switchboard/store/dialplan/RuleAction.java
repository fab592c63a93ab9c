package org.switchboard.store.dialplan;

import java.util.Locale;
import java.util.Optional;

/** What a matching dial-plan rule does, and so what its {@code target} means. Immutable. */
public enum RuleAction {
    /** Call an extension; the target is the replacement that gives its number ({@code $0}, {@code $1}...). */
    EXTENSION,
    /** Run a feature code; the target names the feature ({@code voicemail}, {@code dnd_on}...). */
    FEATURE,
    /** Refuse the call; the target is the SIP status answered (400 to 699). */
    REJECT;

    /** The stored, lower-case name. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The action with this name, case-insensitively; empty if unknown. */
    public static Optional<RuleAction> parse(String text) {
        for (RuleAction a : values()) {
            if (a.name().equalsIgnoreCase(text.strip())) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
