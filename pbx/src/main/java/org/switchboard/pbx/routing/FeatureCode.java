package org.switchboard.pbx.routing;

import java.util.Optional;

/**
 * A feature code the caller dialled, as the {@code feature} application reads its destination:
 * {@code dialled} is what was dialled, {@code argument} the rule pattern's first group when it
 * captured something (the target of {@code *72 1002}). Immutable.
 */
public record FeatureCode(Feature feature, String dialled, Optional<String> argument) {

    /** The feature code a {@code feature} destination names. */
    public static FeatureCode of(Route.ToApplication destination) {
        if (!destination.kind().equals(FeatureKind.NAME)) {
            throw new IllegalArgumentException("not a feature code: " + destination.kind());
        }
        return new FeatureCode(Feature.parse(destination.target()).orElseThrow(), destination.dialled(),
                destination.argument());
    }
}
