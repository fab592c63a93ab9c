package org.switchboard.store.ringgroup;

import org.switchboard.store.db.Fields;

/**
 * Where a ring group's call goes when no member answered: {@code action} is a destination kind's
 * name ({@code voicemail}, {@code extension}, another {@code ring_group}...), {@code target} what
 * it acts on. That the kind exists and accepts the target is the pbx service's rule. Immutable.
 */
public record FinalAction(String action, String target) {
    public FinalAction {
        Fields.check(action != null && action.matches("[a-z][a-z0-9_]{0,31}"), "final_action.action",
                "must be a destination kind");
        target = target == null ? "" : target.strip();
        Fields.check(target.length() <= 64, "final_action.target", "must be at most 64 characters");
    }
}
