package org.switchboard.pbx.voicemail;

import java.util.Optional;
import java.util.Set;
import org.switchboard.pbx.routing.Destination;
import org.switchboard.pbx.routing.ExtensionLastResort;
import org.switchboard.pbx.routing.ForwardReason;

/**
 * Sends a call an extension cannot take (busy, no answer, do-not-disturb, no phone) to the
 * extension's voicemail box when the box is enabled: {@code Destination("voicemail", number)}.
 * Answers from an in-memory set of enabled boxes that {@link VoicemailService} replaces after every
 * change, so the call path never waits on SQL. Thread-safe: the set is immutable and published
 * through a volatile field.
 */
public final class VoicemailLastResort implements ExtensionLastResort {
    /** The destination kind of voicemail boxes; its target is the box's extension number. */
    public static final String KIND = "voicemail";

    private volatile Set<String> enabledBoxes = Set.of();

    @Override
    public Optional<Destination> forExtension(String extension, ForwardReason reason) {
        return enabledBoxes.contains(extension) ? Optional.of(new Destination(KIND, extension)) : Optional.empty();
    }

    /** Whether the box of extension {@code number} takes calls, as last loaded. */
    public boolean isEnabled(String number) {
        return enabledBoxes.contains(number);
    }

    void replace(Set<String> numbers) {
        enabledBoxes = Set.copyOf(numbers);
    }
}
