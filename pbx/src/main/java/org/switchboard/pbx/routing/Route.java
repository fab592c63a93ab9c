package org.switchboard.pbx.routing;

import java.util.Optional;

/**
 * What the dial plan decided for a dialled string. The three shapes are closed, the destinations
 * are not: every registered {@link DestinationKind} other than {@code extension} decides a {@link
 * ToApplication}, which call control hands to the application registered for that kind, so a new
 * destination needs no new case here. Immutable.
 */
public sealed interface Route {

    /** Ring this extension (it exists and is enabled when the decision was made); forwarding applies. */
    record ToExtension(String number) implements Route {}

    /**
     * Hand the call to the application of destination kind {@code kind} ({@code feature},
     * {@code voicemail}, {@code ivr}...): {@code target} is the rule's target with its group
     * references filled in, {@code dialled} what was dialled, {@code argument} the rule pattern's
     * first group when it captured something (the target of {@code *72 1002}).
     */
    record ToApplication(String kind, String target, String dialled, Optional<String> argument) implements Route {}

    /** Refuse the call with this SIP final response (RFC 3261 §21.4, §21.5). */
    record Rejected(String reason, int sipStatus) implements Route {}
}
