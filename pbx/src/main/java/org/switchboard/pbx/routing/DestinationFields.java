package org.switchboard.pbx.routing;

import org.switchboard.store.db.ValidationException;

/**
 * A stored destination given as two fields, {@code <field>.action} and {@code <field>.target} (a ring group's final
 * action, a queue's timeout action, a park lot's return action), checked against the dial plan's kinds. No pattern
 * matched on the way there, so a target cannot use group references. Faults name the field at fault.
 */
public final class DestinationFields {
    private DestinationFields() {}

    /** The kind {@code action} names; {@link ValidationException} on {@code <field>.action} when there is none. */
    public static DestinationKind kind(DestinationKinds kinds, String field, String action) {
        return kinds.find(action).orElseThrow(() -> new ValidationException(field + ".action",
                "must be a destination kind (" + kinds.names() + ")"));
    }

    /** {@link ValidationException} on {@code <field>.target} unless {@code target} is one of {@code kind}'s. */
    public static void checkTarget(DestinationKind kind, String field, String target) {
        if (target.contains("$")) {
            throw new ValidationException(field + ".target", "cannot use group references: no pattern matched");
        }
        try {
            kind.checkTarget(target);
        } catch (ValidationException e) {
            throw new ValidationException(field + ".target", e.getMessage());
        }
    }
}
