package org.switchboard.pbx.routing;

import java.util.Optional;

/**
 * What the dial plan decided for a dialled string; call control switches over it exhaustively.
 * Immutable.
 */
public sealed interface Route {

    /** Ring this extension (it exists and is enabled when the decision was made). */
    record ToExtension(String number) implements Route {}

    /**
     * Run a feature for the caller: {@code dialled} is what was dialled, {@code argument} the
     * rule pattern's first group when it captured something (the target of {@code *72 1002}).
     */
    record FeatureCode(Feature feature, String dialled, Optional<String> argument) implements Route {}

    /** Refuse the call with this SIP final response (RFC 3261 §21.4, §21.5). */
    record Rejected(String reason, int sipStatus) implements Route {}
}
