package org.switchboard.pbx.ivr;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.call.Application;
import org.switchboard.pbx.call.IncomingCall;
import org.switchboard.pbx.prompt.Prompts;
import org.switchboard.pbx.routing.ApplicationKind;
import org.switchboard.pbx.routing.Route;
import org.switchboard.store.ivr.Menu;

/**
 * Destination kind {@code ivr}: the PBX answers and walks the caller through the attendant menu
 * the rule's target names ({@link MenuWalker}, one per call). When that menu was deleted since the
 * rule was saved, the settings' default menu answers; with none, the call is refused with {@code
 * 404 No Such Menu}. Stateless; runs on call executors and reads memory only.
 */
public final class AttendantApplication implements Application {
    /** The kind's name, as rules ({@code "action": "ivr"}) and menu options name it. */
    public static final String KIND_NAME = "ivr";
    private static final Logger log = LoggerFactory.getLogger(AttendantApplication.class);

    private final AttendantService attendant;
    private final Prompts prompts;
    private final ExtensionNumbers numbers;

    public AttendantApplication(AttendantService attendant, Prompts prompts, ExtensionNumbers numbers) {
        this.attendant = attendant;
        this.prompts = prompts;
        this.numbers = numbers;
    }

    /** The kind a rule names to send calls to a menu; its target must name a stored menu. */
    public static ApplicationKind kind(AttendantService attendant) {
        return new ApplicationKind(KIND_NAME, "answers with the auto attendant menu the target names",
                attendant::checkMenuName);
    }

    @Override
    public void start(IncomingCall call, Route.ToApplication destination) {
        Optional<Menu> menu = attendant.menu(destination.target())
                .or(() -> attendant.settings().defaultMenu().flatMap(attendant::menu));
        if (menu.isEmpty()) {
            log.warn("attendant menu missing menu={} caller={}", destination.target(), call.caller());
            call.refuse(404, "No Such Menu");
            return;
        }
        call.answer(new MenuWalker(menu.get(), attendant, prompts, numbers));
    }
}
