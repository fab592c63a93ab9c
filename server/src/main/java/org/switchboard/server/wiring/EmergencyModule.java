package org.switchboard.server.wiring;

import java.time.Clock;
import java.util.List;
import org.switchboard.api.emergency.EmergencyRoutes;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.emergency.EmergencyApplication;
import org.switchboard.pbx.emergency.EmergencyKind;
import org.switchboard.pbx.emergency.EmergencyNotifier;
import org.switchboard.pbx.emergency.EmergencyNumbers;
import org.switchboard.pbx.emergency.EmergencyService;
import org.switchboard.pbx.emergency.EmergencyTrunks;
import org.switchboard.pbx.emergency.FrontDesk;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.route.TrunkAttempts;
import org.switchboard.pbx.voicemail.mail.SmtpSender;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.store.db.Database;
import org.switchboard.store.emergency.JdbiEmergencyStore;

/**
 * Emergency calls (docs/emergency.md): the settings' and locations' service and cache (reloaded
 * after every extension change, since a location goes with its extension), the emergency numbers
 * put before the dial plan's rules, destination kind {@code emergency} with the application that
 * relays callers to the emergency trunks (ordered, resolved and counted with the outbound routes'
 * parts, beyond the channel limit), the notices (bus event, mail through {@code smtp.*}, a ring of
 * the front desk once SIP runs) and the routes. Built and driven by the start-up thread.
 */
final class EmergencyModule implements FeatureModule {
    private final EmergencyService service;
    private final ModuleDestination destination;
    private final FrontDesk frontDesk;

    private EmergencyModule(EmergencyService service, ModuleDestination destination, FrontDesk frontDesk) {
        this.service = service;
        this.destination = destination;
        this.frontDesk = frontDesk;
    }

    static EmergencyModule build(Features features, SwitchboardConfig config, TrunkModule trunks,
            OutboundRouteModule outbound, InboundRouteModule inbound, StirShakenModule stirShaken, Database database,
            Clock clock) {
        EmergencyService service = new EmergencyService(new JdbiEmergencyStore(database), features.extensions(),
                trunks.trunks(), clock, features.events());
        features.dialPlan().putFirst(new EmergencyNumbers(service));
        EmergencyTrunks emergencyTrunks = new EmergencyTrunks(outbound.order(), trunks.trunks(),
                clock.withZone(config.calls().timeZone()));
        FrontDesk frontDesk = new FrontDesk();
        EmergencyNotifier notifier = new EmergencyNotifier(features.extensions(), features.events(),
                MailModule.smtpSettings(config).map(SmtpSender::new), frontDesk, config.calls().timeZone());
        EmergencyApplication application = new EmergencyApplication(service, emergencyTrunks,
                new TrunkAttempts(trunks.trunks(), trunks.resolver(), stirShaken.stirShaken(), clock),
                outbound.channels().beyondLimits(), inbound.routes()::didOf, notifier,
                config.sip().domain(), clock, OutboundRouteModule.RING_TIMEOUT);
        return new EmergencyModule(service, new ModuleDestination(new EmergencyKind(service, emergencyTrunks),
                application), frontDesk);
    }

    @Override
    public String name() {
        return "emergency";
    }

    @Override
    public List<ModuleDestination> destinations() {
        return List.of(destination);
    }

    @Override
    public void loadCaches() {
        service.reloadCache();
    }

    @Override
    public void subscribe(EventBus events) {
        ExtensionChanges.follow(events, "emergency", service::reloadCache);
    }

    @Override
    public void sipStarted(SipWiring sip) {
        frontDesk.attach(sip.callControl());
    }

    @Override
    public List<Routes> routes(SipWiring sip) {
        return List.of(new EmergencyRoutes(service));
    }
}
