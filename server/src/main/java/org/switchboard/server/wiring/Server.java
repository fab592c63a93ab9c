package org.switchboard.server.wiring;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.http.ApiServer;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.store.seed.SeedRunner;

/**
 * A running Switchboard node: starts the parts in the order of architecture.md (database with
 * migrations and seeds, services with their caches, then the listeners) and stops them in
 * reverse. Started and stopped by one thread at a time (the start-up thread, then the shutdown
 * hook); {@link #httpPort()} may be read by any thread.
 */
public final class Server {
    private static final Logger log = LoggerFactory.getLogger(Server.class);

    private final Stores stores;
    private final ApiServer http;
    private final Optional<String> generatedAdminPassword;

    private Server(Stores stores, ApiServer http, Optional<String> generatedAdminPassword) {
        this.stores = stores;
        this.http = http;
        this.generatedAdminPassword = generatedAdminPassword;
    }

    /**
     * Starts a node. On failure everything already started is stopped again and the exception is
     * rethrown (e.g. {@code UnavailableException} when the database is unreachable).
     */
    public static Server start(SwitchboardConfig config, Clock clock, String version) {
        Stores stores = StoreWiring.open(config.database());
        try {
            Features features = FeatureWiring.build(stores, config, clock);
            InitialAdminSeed adminSeed = new InitialAdminSeed(features.adminAuth(), stores.adminUsers(), config.admin());
            new SeedRunner(stores.database(), clock).run(FeatureWiring.seeds(features, config, adminSeed));
            FeatureWiring.loadCaches(features);
            // SIP transports start here, after the services and before HTTP (architecture.md,
            // "Startup and shutdown order"), once the sip module provides them (SipWiring).
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            stores.database().bindMetrics(registry);
            ApiServer http = HttpWiring.build(config.http(), stores, features, registry, version);
            http.start();
            log.info("switchboard started version={} http={}:{} database={}", version, config.http().bind(), http.port(),
                    stores.database().engine().name().toLowerCase(Locale.ROOT));
            return new Server(stores, http, adminSeed.generatedPassword());
        } catch (RuntimeException e) {
            stores.close();
            throw e;
        }
    }

    /** The port the HTTP API is bound to. */
    public int httpPort() {
        return http.port();
    }

    /** The first admin's password when this start generated it: to be shown once, never stored in clear. */
    public Optional<String> generatedAdminPassword() {
        return generatedAdminPassword;
    }

    /**
     * Stops accepting HTTP requests, lets the ones in flight finish, then closes the pool (which
     * waits for connections still in use, so a write that started commits or rolls back whole).
     */
    public void stop() {
        log.info("switchboard stopping");
        http.stop();
        stores.close();
        log.info("switchboard stopped");
    }
}
