package org.switchboard.pbx.routing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.switchboard.pbx.callsettings.CallSettingsService;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.registrar.RegistrarService;
import org.switchboard.pbx.registrar.RegistrarSettings;
import org.switchboard.store.callsettings.Forwarding;
import org.switchboard.store.callsettings.JdbiCallSettingsStore;
import org.switchboard.store.callsettings.NewCallSettings;
import org.switchboard.store.registrar.JdbiRegistrationStore;
import org.switchboard.store.registrar.Registration;
import org.switchboard.store.testkit.TestDatabase;

/**
 * A call router over the real services on a test database: extensions, the default dial plan,
 * the call-settings service, and a registrar whose bindings come from the registrations table
 * (written as a phone's REGISTER would leave them, then merged by the registrar's sweep).
 */
final class CallRouterFixture implements AutoCloseable {
    private final TestDatabase db;
    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor();
    final DialPlanFixture dialPlan;
    final CallSettingsService callSettings;
    final RegistrarService registrar;
    final CallRouter router;

    CallRouterFixture(TestDatabase db, String... extensions) {
        this.db = db;
        dialPlan = new DialPlanFixture(db).withDefaultRules();
        for (String number : extensions) {
            dialPlan.withExtension(number, true);
        }
        callSettings = new CallSettingsService(new JdbiCallSettingsStore(db.database()), dialPlan.extensions,
                dialPlan.dialPlan, Clock.systemUTC(), new EventBus());
        callSettings.reloadCache();
        registrar = RegistrarService.start(db.database(), dialPlan.extensions, authUser -> Optional.empty(),
                userAgent -> Optional.empty(), RegistrarSettings.defaults("pbx.test"),
                "unit-test-secret-0123456789abcdef".getBytes(StandardCharsets.US_ASCII), new SimpleMeterRegistry(),
                housekeeping, Clock.systemUTC(), new EventBus());
        router = new CallRouter(dialPlan.dialPlan, callSettings::current, registrar.location(), ExtensionLastResort.NONE);
    }

    /** Gives each extension one phone registered for an hour, visible to the router. */
    CallRouterFixture registered(String... extensions) {
        Instant now = Instant.now();
        List<Registration> rows = Arrays.stream(extensions)
                .map(n -> new Registration(n, "sip:" + n + "@192.0.2.10:5062", Optional.empty(), "reg-" + n, 1, "UDP",
                        "192.0.2.10", 5062, "127.0.0.1", 5060, "test phone", now.plusSeconds(3600), now, now))
                .toList();
        new JdbiRegistrationStore(db.database()).write(rows, List.of());
        registrar.sweepNow();
        return this;
    }

    /** A router over the same dial plan, settings and phones whose failed extension calls go to {@code lastResort}. */
    CallRouter routerWith(ExtensionLastResort lastResort) {
        return new CallRouter(dialPlan.dialPlan, callSettings::current, registrar.location(), lastResort);
    }

    /** Saves extension {@code number}'s settings. */
    CallRouterFixture settings(String number, Forwarding always, Forwarding busy, Forwarding noAnswer, int timeoutSeconds,
            boolean dnd) {
        callSettings.update(number, new NewCallSettings(always, busy, noAnswer, timeoutSeconds, dnd), "test");
        return this;
    }

    /** Forward always from {@code number} to {@code target}. */
    CallRouterFixture forwardAlways(String number, String target) {
        return settings(number, on(target), null, null, NewCallSettings.DEFAULT_TIMEOUT_SECONDS, false);
    }

    static Forwarding on(String target) {
        return new Forwarding(true, target);
    }

    @Override
    public void close() {
        registrar.close();
        housekeeping.shutdownNow();
    }
}
