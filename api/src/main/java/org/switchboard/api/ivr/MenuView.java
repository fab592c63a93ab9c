package org.switchboard.api.ivr;

import java.time.Instant;
import java.util.List;
import org.switchboard.store.ivr.Menu;
import org.switchboard.store.ivr.MenuAction;

/** An attendant menu as the API shows it (the shape {@link MenuBody} takes). Immutable. */
public record MenuView(String name, String greeting, int timeoutSeconds, int retries, List<OptionView> options,
                       MenuBody.Action timeoutAction, MenuBody.Action invalidAction, Instant updatedAt) {

    /** One key of the menu. */
    public record OptionView(String digit, String action, String target) {}

    static MenuView of(Menu m) {
        return new MenuView(m.name(), m.greeting(), m.timeoutSeconds(), m.retries(),
                m.options().stream().map(o -> new OptionView(o.digit(), o.then().action(), o.then().target())).toList(),
                action(m.timeoutAction()), action(m.invalidAction()), m.updatedAt());
    }

    private static MenuBody.Action action(MenuAction a) {
        return new MenuBody.Action(a.action(), a.target());
    }
}
