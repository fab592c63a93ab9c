package org.switchboard.store.ivr;

import org.switchboard.store.db.Fields;

/**
 * What the attendant does on a key, a timeout or an invalid key: {@code action} is a destination
 * kind's name or one of the attendant's own ({@code menu}, {@code repeat}, {@code hangup}, {@code
 * dial_by_extension}); {@code target} what it acts on (empty when the action needs none). That the
 * action exists and its target fits is the pbx service's rule. Immutable.
 */
public record MenuAction(String action, String target) {
    public MenuAction {
        Fields.check(action != null && action.matches("[a-z][a-z0-9_]{0,31}"), "action",
                "must be a destination kind or menu, repeat, hangup, dial_by_extension");
        target = target == null ? "" : target.strip();
        Fields.check(target.length() <= 64, "target", "must be at most 64 characters");
    }
}
