package org.switchboard.store.ivr;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * An attendant menu to store, checked for the V121 shapes ({@link ValidationException} naming the
 * field, {@code options[i].digit} for an option). Immutable.
 *
 * @param greeting the prompt name played when the menu starts
 * @param timeoutSeconds how long to wait for a key after the greeting
 * @param retries how often the menu is offered again after a timeout or an invalid key before the
 *     final action
 */
public record NewMenu(String name, String greeting, int timeoutSeconds, int retries, List<MenuOption> options,
                      MenuAction timeoutAction, MenuAction invalidAction) {

    public NewMenu {
        Fields.recordName(name);
        Fields.check(greeting != null && !greeting.isBlank(), "greeting", "is required (a prompt name)");
        Fields.check(timeoutSeconds >= 1 && timeoutSeconds <= 60, "timeout_seconds", "must be 1 to 60");
        Fields.check(retries >= 0 && retries <= 10, "retries", "must be 0 to 10");
        Fields.check(options != null, "options", "is required (may be empty)");
        options = List.copyOf(options);
        Set<String> digits = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            Fields.check(options.get(i) != null, "options[" + i + "]", "is required");
            Fields.check(digits.add(options.get(i).digit()), "options[" + i + "].digit", "is used by another option");
        }
        Fields.check(timeoutAction != null, "timeout_action", "is required");
        Fields.check(invalidAction != null, "invalid_action", "is required");
    }
}
