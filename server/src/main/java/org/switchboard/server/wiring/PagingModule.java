package org.switchboard.server.wiring;

import java.time.Clock;
import java.util.List;
import org.switchboard.api.http.Routes;
import org.switchboard.api.paging.PagingZoneRoutes;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.paging.IntercomApplication;
import org.switchboard.pbx.paging.PageApplication;
import org.switchboard.pbx.paging.Pager;
import org.switchboard.pbx.paging.PagingService;
import org.switchboard.store.db.Database;
import org.switchboard.store.paging.JdbiPagingZoneStore;

/**
 * Paging and intercom (docs/paging.md): the zones' service and cache (reloaded after every extension change, since
 * members follow renumbered and deleted extensions), destination kinds {@code page} and {@code intercom} with their
 * applications, which ring members through the node's call control and mix them in private mixers once SIP runs,
 * and the routes. Built and driven by the start-up thread.
 */
final class PagingModule implements FeatureModule {
    private final PagingService zones;
    private final Pager pager;

    private PagingModule(PagingService zones, Pager pager) {
        this.zones = zones;
        this.pager = pager;
    }

    static PagingModule build(Features features, Database database, Clock clock) {
        return new PagingModule(new PagingService(new JdbiPagingZoneStore(database), features.extensions(), clock,
                features.events()), new Pager());
    }

    @Override
    public String name() {
        return "paging";
    }

    @Override
    public List<ModuleDestination> destinations() {
        return List.of(new ModuleDestination(PageApplication.kind(zones), new PageApplication(zones, pager)),
                new ModuleDestination(IntercomApplication.kind(), new IntercomApplication(pager)));
    }

    @Override
    public void loadCaches() {
        zones.reloadCache();
    }

    @Override
    public void subscribe(EventBus events) {
        ExtensionChanges.follow(events, "paging", zones::reloadCache);
    }

    @Override
    public void sipStarted(SipWiring sip) {
        pager.use(sip.callControl(), sip.endpoints()::newMixer);
    }

    @Override
    public List<Routes> routes(SipWiring sip) {
        return List.of(new PagingZoneRoutes(zones));
    }
}
