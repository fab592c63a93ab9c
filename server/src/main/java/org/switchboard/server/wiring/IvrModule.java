package org.switchboard.server.wiring;

import java.util.List;
import org.switchboard.api.http.Routes;
import org.switchboard.api.ivr.AttendantRoutes;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.ivr.AttendantApplication;
import org.switchboard.pbx.ivr.AttendantService;
import org.switchboard.pbx.ivr.ExtensionNumbers;
import org.switchboard.pbx.prompt.Prompts;
import org.switchboard.store.extension.Extension;

/**
 * The auto attendant: destination kind {@code ivr} and its application, the menus' cache, the
 * extension numbers direct dialling needs (reloaded after every extension change), and routes.
 */
public record IvrModule(AttendantService attendant, Prompts prompts, ExtensionNumbers numbers) implements FeatureModule {

    /** The module with direct dialling over {@code extensions}' enabled numbers. */
    public static IvrModule of(AttendantService attendant, Prompts prompts, ExtensionService extensions) {
        return new IvrModule(attendant, prompts, new ExtensionNumbers(() -> extensions.list().stream()
                .filter(Extension::enabled).map(Extension::number).toList()));
    }

    @Override
    public String name() {
        return "ivr";
    }

    @Override
    public List<ModuleDestination> destinations() {
        return List.of(new ModuleDestination(AttendantApplication.kind(attendant),
                new AttendantApplication(attendant, prompts, numbers)));
    }

    @Override
    public void loadCaches() {
        attendant.reloadCache();
        numbers.reload();
    }

    @Override
    public void subscribe(EventBus events) {
        ExtensionChanges.follow(events, "ivr", numbers::reload);
    }

    @Override
    public List<Routes> routes(SipWiring sip) {
        return List.of(new AttendantRoutes(attendant));
    }
}
