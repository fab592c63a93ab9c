package org.switchboard.pbx.routing;

import java.util.function.Consumer;
import org.switchboard.store.db.ValidationException;

/**
 * The usual destination kind of a feature module: a matching rule hands the call to the
 * application registered under the same name ({@link Route.ToApplication}), with the rule's
 * filled-in target. Immutable.
 *
 * @param targetCheck throws {@link ValidationException} on {@code target} for a target the
 *     application cannot use (e.g. a menu name that must exist)
 */
public record ApplicationKind(String name, String description, Consumer<String> targetCheck) implements DestinationKind {

    @Override
    public void checkTarget(String target) {
        targetCheck.accept(target);
    }

    @Override
    public Route decide(RuleMatch match) {
        return new Route.ToApplication(name, match.target(), match.dialled(), match.argument());
    }
}
