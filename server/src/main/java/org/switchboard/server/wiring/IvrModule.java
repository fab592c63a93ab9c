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
public final class IvrModule implements FeatureModule {
    private final AttendantService attendant;
    private final Prompts prompts;
    private final ExtensionNumbers numbers;

    public IvrModule(AttendantService attendant, Prompts prompts, ExtensionService extensions) {
        this.attendant = attendant;
        this.prompts = prompts;
        this.numbers = new ExtensionNumbers(() -> extensions.list().stream().filter(Extension::enabled).map(Extension::number)
                .toList());
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
