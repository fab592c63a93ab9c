package org.switchboard.store.ivr;

import java.time.Instant;
import java.util.List;

/** A stored attendant menu with its options in key order (V121). Immutable. */
public record Menu(long id, String name, String greeting, int timeoutSeconds, int retries, List<MenuOption> options,
                   MenuAction timeoutAction, MenuAction invalidAction, Instant createdAt, Instant updatedAt) {
    public Menu {
        options = List.copyOf(options);
    }

    /** The menu as a create or update would give it. */
    public NewMenu toNew() {
        return new NewMenu(name, greeting, timeoutSeconds, retries, options, timeoutAction, invalidAction);
    }
}
