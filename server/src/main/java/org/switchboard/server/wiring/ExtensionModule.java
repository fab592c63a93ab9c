package org.switchboard.server.wiring;

import java.util.List;
import org.switchboard.api.extension.ExtensionRoutes;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.extension.ExtensionSeed;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.store.seed.Seed;

/** Extensions: the {@code extensions:} seed, the extension cache, and their routes. */
public record ExtensionModule(ExtensionService extensions, List<ExtensionInput> section) implements FeatureModule {

    @Override
    public String name() {
        return "extension";
    }

    @Override
    public List<Seed> seeds() {
        return List.of(new ExtensionSeed(extensions, section));
    }

    @Override
    public void loadCaches() {
        extensions.reloadCache();
    }

    @Override
    public List<Routes> routes(SipWiring sip) {
        return List.of(new ExtensionRoutes(extensions));
    }
}
