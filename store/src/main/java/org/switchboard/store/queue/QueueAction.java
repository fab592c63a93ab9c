package org.switchboard.store.queue;

import org.switchboard.store.db.Fields;

/**
 * Where a caller goes who waited the queue's longest wait or found it full: {@code action} is a
 * destination kind's name ({@code voicemail}, {@code extension}, {@code ring_group}...), {@code
 * target} what it acts on. That the kind exists and accepts the target is the pbx service's rule.
 * Immutable.
 */
public record QueueAction(String action, String target) {
    public QueueAction {
        Fields.check(action != null && action.matches("[a-z][a-z0-9_]{0,31}"), "timeout_action.action",
                "must be a destination kind");
        target = target == null ? "" : target.strip();
        Fields.check(target.length() <= 64, "timeout_action.target", "must be at most 64 characters");
    }
}
