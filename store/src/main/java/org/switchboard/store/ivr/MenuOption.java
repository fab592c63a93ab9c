package org.switchboard.store.ivr;

import org.switchboard.store.db.Fields;

/** One key of a menu and what it does. Immutable. */
public record MenuOption(String digit, MenuAction then) {
    /** The keys a phone has. */
    public static final String DIGITS = "0123456789*#";

    public MenuOption {
        Fields.check(digit != null && digit.length() == 1 && DIGITS.contains(digit), "digit", "must be one of 0-9, * or #");
    }
}
