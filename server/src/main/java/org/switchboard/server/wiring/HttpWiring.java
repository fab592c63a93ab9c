package org.switchboard.server.wiring;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.switchboard.api.auth.AuthRoutes;
import org.switchboard.api.call.CallRoutes;
import org.switchboard.api.callsettings.CallSettingsRoutes;
import org.switchboard.api.cdr.CdrRoutes;
import org.switchboard.api.dialplan.DialPlanRoutes;
import org.switchboard.api.provisioning.ProvisionFileRoutes;
import org.switchboard.api.provisioning.ProvisioningRoutes;
import org.switchboard.api.provisioning.ScanThrottle;
import org.switchboard.api.registrar.RegistrationRoutes;
import org.switchboard.api.sse.EventStreamRoutes;
import org.switchboard.api.extension.ExtensionRoutes;
import org.switchboard.api.health.HealthRoutes;
import org.switchboard.api.http.ApiServer;
import org.switchboard.api.http.HttpSettings;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.call.ActiveCalls;
import org.switchboard.pbx.routing.CallRouter;
import org.switchboard.server.config.SwitchboardConfig;

/**
 * Builds the HTTP API with each feature's routes. A new feature adds its routes to the list.
 * Called once by the start-up thread.
 */
public final class HttpWiring {
    private HttpWiring() {}

    /**
     * The API server, not yet started.
     *
     * @param calls call control's view of the calls in progress; without it there is no
     *     {@code /api/calls} (and the panel offers no active calls)
     */
    public static ApiServer build(SwitchboardConfig.Http config, Stores stores, Features features, SipWiring sip,
                                  ProvisioningWiring provisioning, Optional<ActiveCalls> calls,
                                  PrometheusMeterRegistry registry, Clock clock, String version) {
        List<Routes> routes = new ArrayList<>(List.of(
                new HealthRoutes(stores.database(), version),
                new AuthRoutes(features.adminAuth()),
                new ExtensionRoutes(features.extensions()),
                new RegistrationRoutes(sip.location()),
                new DialPlanRoutes(features.dialPlan(),
                        new CallRouter(features.dialPlan(), features.callSettings()::current, sip.location())),
                new CallSettingsRoutes(features.callSettings()),
                new CdrRoutes(features.cdrs()),
                new EventStreamRoutes(features.events(), features.adminAuth(), clock),
                new ProvisioningRoutes(provisioning.service()),
                new ProvisionFileRoutes(provisioning.service(), new ScanThrottle(ScanThrottle.Settings.defaults(), clock))));
        calls.ifPresent(active -> routes.add(new CallRoutes(active)));
        HttpSettings settings = new HttpSettings(config.bind(), config.port(), version);
        return new ApiServer(config.metricsToken().map(settings::withMetricsToken).orElse(settings),
                features.adminAuth(), registry, routes);
    }
}
