package org.switchboard.server.wiring;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.switchboard.api.http.Routes;
import org.switchboard.api.route.OutboundRouteRoutes;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.pbx.event.Subscription;
import org.switchboard.pbx.route.LcrRateService;
import org.switchboard.pbx.route.OutboundApplication;
import org.switchboard.pbx.route.OutboundCheck;
import org.switchboard.pbx.route.OutboundKind;
import org.switchboard.pbx.route.OutboundRouteService;
import org.switchboard.pbx.route.TrunkChannelCount;
import org.switchboard.pbx.route.TrunkOrder;
import org.switchboard.store.db.Database;
import org.switchboard.store.route.JdbiLcrRateStore;
import org.switchboard.store.route.JdbiOutboundRouteStore;

/**
 * Outbound routes: the routes' and rates' services and caches, destination kind {@code outbound}
 * with the application that relays callers to the trunks, the trunks' channel counts (a channel is
 * given back when the call's {@code CallEnded} comes), and the routes. Rates' times of day are read
 * in the server's time zone (the JVM's default). Needs the trunks' module (its service, resolver
 * and live states) and STIR/SHAKEN's signer. Built and driven by the start-up thread.
 */
final class OutboundRouteModule implements FeatureModule {
    /** How long a trunk may ring: carriers play the callee's ringing for up to a minute or two. */
    static final Duration RING_TIMEOUT = Duration.ofSeconds(120);

    private final OutboundRouteService routes;
    private final LcrRateService rates;
    private final TrunkModule trunks;
    private final TrunkOrder order;
    private final TrunkChannelCount channels;
    private final ModuleDestination destination;
    private final OutboundCheck.All checks;
    private Subscription ended;

    private OutboundRouteModule(OutboundRouteService routes, LcrRateService rates, TrunkModule trunks, TrunkOrder order,
            TrunkChannelCount channels, ModuleDestination destination, OutboundCheck.All checks) {
        this.routes = routes;
        this.rates = rates;
        this.trunks = trunks;
        this.order = order;
        this.channels = channels;
        this.destination = destination;
        this.checks = checks;
    }

    /** How trunks are ordered for a number (emergency calls order theirs the same way). */
    TrunkOrder order() {
        return order;
    }

    /** The trunks' channel counts on this node (emergency calls count in them too). */
    TrunkChannelCount channels() {
        return channels;
    }

    /** @param timeZone where time-of-day and day-of-week rates are read ({@code calls.time_zone}) */
    static OutboundRouteModule build(TrunkModule trunks, StirShakenModule stirShaken, Database database, EventBus events,
            Clock clock, ZoneId timeZone) {
        Clock local = clock.withZone(timeZone);
        OutboundRouteService routes = new OutboundRouteService(new JdbiOutboundRouteStore(database), trunks.trunks(),
                clock, events);
        LcrRateService rates = new LcrRateService(new JdbiLcrRateStore(database), trunks.trunks(), clock, events);
        TrunkOrder order = new TrunkOrder(trunks.trunks(), trunks::state, rates);
        TrunkChannelCount channels = new TrunkChannelCount(trunks.trunks());
        OutboundCheck.All checks = new OutboundCheck.All();
        OutboundApplication application = new OutboundApplication(routes, order, trunks.trunks(), trunks.resolver(),
                stirShaken.stirShaken(), channels, local, RING_TIMEOUT, checks);
        return new OutboundRouteModule(routes, rates, trunks, order, channels,
                new ModuleDestination(new OutboundKind(routes, order, local), application), checks);
    }

    /** The rates (fraud control prices calls with them). */
    LcrRateService rates() {
        return rates;
    }

    /** The checks run before a call's first trunk: other modules add theirs. */
    OutboundCheck.All checks() {
        return checks;
    }

    @Override
    public String name() {
        return "outbound-routes";
    }

    @Override
    public List<ModuleDestination> destinations() {
        return List.of(destination);
    }

    @Override
    public void loadCaches() {
        routes.reloadCache();
        rates.reloadCache();
        // A deleted trunk takes its rates with it (ON DELETE CASCADE): reload them after any trunk change.
        trunks.trunks().onChange(name -> rates.reloadCache());
    }

    @Override
    public void subscribe(EventBus events) {
        ended = events.subscribe("trunk-channels", EventBus.Delivery.LOSSLESS, 10_000, event -> {
            if (event instanceof PbxEvent.CallEnded ended) {
                channels.free(ended.callId());
            }
        });
    }

    @Override
    public List<Routes> routes(SipWiring sip) {
        return List.of(new OutboundRouteRoutes(routes, rates));
    }

    @Override
    public void close() {
        if (ended != null) {
            ended.close();
        }
    }
}
