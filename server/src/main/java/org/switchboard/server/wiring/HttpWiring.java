package org.switchboard.server.wiring;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.switchboard.api.call.CallRoutes;
import org.switchboard.api.sipban.SipBanRoutes;
import org.switchboard.api.registrar.RegistrationRoutes;
import org.switchboard.api.sse.EventStreamRoutes;
import org.switchboard.api.health.HealthRoutes;
import org.switchboard.api.http.ApiServer;
import org.switchboard.api.http.HttpSettings;
import org.switchboard.api.http.TlsIdentity;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.call.ActiveCalls;
import org.switchboard.pbx.clicktodial.ClickToDial;
import org.switchboard.server.config.SwitchboardConfig;

/**
 * Builds the HTTP API with the node's routes and each feature module's.
 * Called once by the start-up thread.
 */
public final class HttpWiring {
    private HttpWiring() {}

    /**
     * The API server, not yet started: the node's own routes (health, registrations, the event
     * stream, calls) and every feature module's.
     *
     * @param tls the certificate HTTPS answers with, when {@code http.tls} is on
     * @param calls call control's view of the calls in progress; without it there is no
     *     {@code /api/calls} (and the panel offers no active calls)
     */
    public static ApiServer build(SwitchboardConfig.Http config, TlsIdentity tls, Stores stores, Features features,
                                  SipWiring sip,
                                  List<FeatureModule> modules, Optional<ActiveCalls> calls,
                                  PrometheusMeterRegistry registry, Clock clock, String version) {
        List<Routes> routes = new ArrayList<>(List.of(
                new HealthRoutes(stores.database(), version),
                new RegistrationRoutes(sip.location()),
                new SipBanRoutes(sip.bans()),
                new EventStreamRoutes(features.events(), features.adminAuth(), clock)));
        modules.forEach(module -> routes.addAll(module.routes(sip)));
        calls.ifPresent(active -> routes.add(new CallRoutes(active,
                new ClickToDial(sip.callControl(), features.extensions(), features.events(), clock))));
        HttpSettings plain = new HttpSettings(config.bind(), config.port(), version);
        HttpSettings secured = config.tls() ? plain.withTls(tls) : plain;
        return new ApiServer(config.metricsToken().map(secured::withMetricsToken).orElse(secured),
                features.adminAuth(), registry, routes);
    }
}
