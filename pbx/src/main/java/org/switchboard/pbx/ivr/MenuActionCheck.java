package org.switchboard.pbx.ivr;

import java.util.Set;
import org.switchboard.pbx.routing.DestinationKind;
import org.switchboard.pbx.routing.DestinationKinds;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.ivr.MenuAction;

/**
 * Checks what a menu's key, timeout or invalid key does: the attendant's own actions ({@link
 * AttendantAction}), or any destination kind the dial plan knows, whose own target check runs.
 * Faults are {@link ValidationException}s naming {@code <where>.action} or {@code <where>.target}
 * ({@code options[2].target}). Immutable; reads the kinds registry and the menu names it is given.
 */
final class MenuActionCheck {
    private final DestinationKinds kinds;

    MenuActionCheck(DestinationKinds kinds) {
        this.kinds = kinds;
    }

    /** @param menus the names a {@code menu} action may lead to (the stored menus and the one being saved) */
    void check(MenuAction action, String where, Set<String> menus) {
        String target = action.target();
        switch (AttendantAction.of(action.action()).orElse(AttendantAction.DESTINATION)) {
            case MENU -> {
                if (!menus.contains(target)) {
                    throw new ValidationException(where + ".target", "must name a menu (" + String.join(", ", menus) + ")");
                }
            }
            case REPEAT, HANGUP, DIAL_BY_EXTENSION -> {
                if (!target.isEmpty()) {
                    throw new ValidationException(where + ".target", "must be empty for " + action.action());
                }
            }
            case DESTINATION -> checkDestination(action, where);
        }
    }

    private void checkDestination(MenuAction action, String where) {
        DestinationKind kind = kinds.find(action.action()).orElseThrow(() -> new ValidationException(where + ".action",
                "must be menu, repeat, hangup, dial_by_extension or a destination kind (" + kinds.names() + ")"));
        if (action.target().contains("$")) {
            throw new ValidationException(where + ".target", "cannot use group references: a menu key matches no pattern");
        }
        try {
            kind.checkTarget(action.target());
        } catch (ValidationException e) {
            throw new ValidationException(where + ".target", e.getMessage());
        }
    }
}
