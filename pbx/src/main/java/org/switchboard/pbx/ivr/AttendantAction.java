package org.switchboard.pbx.ivr;

import java.util.Arrays;
import java.util.Optional;

/**
 * The attendant's own actions beside the destination kinds: what a menu key may do without
 * leaving the attendant. {@link #DESTINATION} stands for every other action, a registered kind.
 */
enum AttendantAction {
    /** Go to the menu the target names. */
    MENU("menu"),
    /** Play this menu again. */
    REPEAT("repeat"),
    /** Say goodbye and hang up. */
    HANGUP("hangup"),
    /** Ask for an extension number and transfer to it. */
    DIAL_BY_EXTENSION("dial_by_extension"),
    /** Transfer to a destination of a registered kind. */
    DESTINATION("");

    private final String key;

    AttendantAction(String key) {
        this.key = key;
    }

    /** The attendant action called {@code action}; empty for a destination kind's name. */
    static Optional<AttendantAction> of(String action) {
        return Arrays.stream(values()).filter(a -> a != DESTINATION && a.key.equals(action)).findFirst();
    }
}
