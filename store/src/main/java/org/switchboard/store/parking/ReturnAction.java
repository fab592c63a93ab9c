package org.switchboard.store.parking;

import org.switchboard.store.db.Fields;

/**
 * Where a parked call goes when the phone that parked it does not answer the ring-back: {@code action}
 * is a destination kind's name ({@code voicemail}, {@code extension}, {@code ring_group}...), {@code
 * target} what it acts on. That the kind exists and accepts the target is the pbx service's rule. Immutable.
 */
public record ReturnAction(String action, String target) {
    public ReturnAction {
        Fields.check(action != null && action.matches("[a-z][a-z0-9_]{0,31}"), "return_action.action",
                "must be a destination kind");
        target = target == null ? "" : target.strip();
        Fields.check(!target.isEmpty() && target.length() <= 64, "return_action.target", "must be 1-64 characters");
    }
}
