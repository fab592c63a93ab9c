package org.switchboard.pbx.routing;

import org.switchboard.store.db.Fields;

/**
 * Built-in kind {@code feature}: the target names a {@link Feature} (a feature code such as
 * {@code *72}); a match hands the call to the feature-code application with the pattern's first
 * group as the argument. Immutable.
 */
final class FeatureKind implements DestinationKind {
    static final String NAME = "feature";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "runs a feature code for the caller: one of " + Feature.keys();
    }

    @Override
    public void checkTarget(String target) {
        Fields.check(Feature.parse(target).isPresent(), "target", "must be one of " + Feature.keys());
    }

    @Override
    public Route decide(RuleMatch match) {
        return new Route.ToApplication(NAME, Feature.parse(match.target()).orElseThrow().key(), match.dialled(),
                match.argument());
    }
}
