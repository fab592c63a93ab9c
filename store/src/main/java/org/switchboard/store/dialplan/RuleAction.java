package org.switchboard.store.dialplan;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a matching dial-plan rule does, and so what its {@code target} means: the name of a
 * destination kind. The set is open (a feature module registers its kind with the pbx dial
 * plan, which checks that a rule names a registered one), so this is a name with well-known
 * constants rather than an enum. Immutable.
 *
 * @param key the stored, lower-case name: a letter, then letters, digits or {@code _}, at most 32
 */
public record RuleAction(String key) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    /** Call an extension; the target is the replacement that gives its number ({@code $0}, {@code $1}...). */
    public static final RuleAction EXTENSION = new RuleAction("extension");
    /** Run a feature code; the target names the feature ({@code voicemail}, {@code dnd_on}...). */
    public static final RuleAction FEATURE = new RuleAction("feature");
    /** Refuse the call; the target is the SIP status answered (400 to 699). */
    public static final RuleAction REJECT = new RuleAction("reject");

    public RuleAction {
        if (key == null || !NAME.matcher(key).matches()) {
            throw new IllegalArgumentException("not a destination kind name: " + key);
        }
    }

    /** The action with this name, case-insensitively; empty if it is not a well-formed name. */
    public static Optional<RuleAction> parse(String text) {
        String key = text.strip().toLowerCase(Locale.ROOT);
        return NAME.matcher(key).matches() ? Optional.of(new RuleAction(key)) : Optional.empty();
    }

    @Override
    public String toString() {
        return key;
    }
}
