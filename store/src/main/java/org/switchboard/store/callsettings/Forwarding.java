package org.switchboard.store.callsettings;

import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * One call-forwarding setting: whether it is on and where it sends calls. The target may be kept
 * while off ({@code *72} without a number turns the last target on again); it is null when none
 * was ever set, and required when on ({@link ValidationException} naming {@code <field>.target}
 * is thrown by the owner, which knows the field name). Immutable.
 */
public record Forwarding(boolean enabled, String target) {
    /** Off, with no target. */
    public static final Forwarding OFF = new Forwarding(false, null);
    static final int MAX_TARGET = 64;

    public Forwarding {
        if (target != null) {
            target = target.strip();
            if (target.isEmpty()) {
                target = null;
            }
        }
    }

    /** This forwarding switched on with {@code newTarget}. */
    public Forwarding on(String newTarget) {
        return new Forwarding(true, newTarget);
    }

    /** This forwarding switched off, keeping its target. */
    public Forwarding off() {
        return new Forwarding(false, target);
    }

    void check(String field) {
        Fields.check(!enabled || target != null, field + ".target", "is required when forwarding is enabled");
        Fields.check(target == null || target.length() <= MAX_TARGET, field + ".target",
                "must be at most " + MAX_TARGET + " characters");
    }
}
