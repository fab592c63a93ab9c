package org.switchboard.server.wiring;

import java.util.List;
import org.switchboard.api.callsettings.CallSettingsRoutes;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.callsettings.CallSettingsService;
import org.switchboard.pbx.event.EventBus;

/**
 * Call settings (forwarding, do-not-disturb): the cache, reloaded after an extension changes
 * (the rows follow a renumbered extension and go with a deleted one), and their routes.
 */
public record CallSettingsModule(CallSettingsService callSettings) implements FeatureModule {

    @Override
    public String name() {
        return "callsettings";
    }

    @Override
    public void loadCaches() {
        callSettings.reloadCache();
    }

    @Override
    public void subscribe(EventBus events) {
        ExtensionChanges.follow(events, "callsettings", callSettings::reloadCache);
    }

    @Override
    public List<Routes> routes(SipWiring sip) {
        return List.of(new CallSettingsRoutes(callSettings));
    }
}
