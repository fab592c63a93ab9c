package org.switchboard.api.ivr;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.ivr.MenuAction;
import org.switchboard.store.ivr.MenuOption;
import org.switchboard.store.ivr.NewMenu;

/**
 * Request body of {@code POST /api/ivr/menus} and {@code PUT /api/ivr/menus/{name}}; omitted
 * fields take the defaults (5 s, 2 retries, no options, hang up on timeout and invalid key).
 */
public record MenuBody(String name, String greeting, Integer timeoutSeconds, Integer retries, List<Option> options,
                       Action timeoutAction, Action invalidAction) {
    private static final Action HANGUP = new Action("hangup", "");

    /** One key and what it does. */
    public record Option(String digit, String action, String target) {}

    /** What happens, as sent. */
    public record Action(String action, String target) {}

    /** The menu to store, named {@code name} (the URL's name on an update, when the body names none). */
    NewMenu toMenu(String name) {
        List<MenuOption> keys = new ArrayList<>();
        List<Option> given = options == null ? List.of() : options;
        for (int i = 0; i < given.size(); i++) {
            Option o = given.get(i);
            String where = "options[" + i + "]";
            if (o == null) {
                throw new ValidationException(where, "is required");
            }
            MenuAction then = field(where, () -> new MenuAction(o.action(), o.target()));
            keys.add(field(where, () -> new MenuOption(o.digit(), then)));
        }
        return new NewMenu(name, greeting, timeoutSeconds == null ? 5 : timeoutSeconds, retries == null ? 2 : retries, keys,
                action("timeout_action", timeoutAction), action("invalid_action", invalidAction));
    }

    private static MenuAction action(String where, Action given) {
        Action a = given == null ? HANGUP : given;
        return field(where, () -> new MenuAction(a.action(), a.target()));
    }

    /** Builds a part whose own checks name {@code digit} or {@code target}, as {@code <where>.digit}. */
    private static <T> T field(String where, Supplier<T> part) {
        try {
            return part.get();
        } catch (ValidationException e) {
            throw new ValidationException(where + "." + e.field(), e.getMessage());
        }
    }
}
