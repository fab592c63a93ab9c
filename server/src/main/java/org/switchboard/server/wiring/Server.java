package org.switchboard.server.wiring;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.phonebook.DirectoryXml;
import org.switchboard.api.http.ApiServer;
import org.switchboard.api.http.RouteKey;
import org.switchboard.api.http.TlsIdentity;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.sip.transport.TlsCertificates;
import org.switchboard.sip.transport.Transport;
import org.switchboard.store.files.DataDirectory;
import org.switchboard.store.secret.JdbiSecretStore;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.seed.Seed;
import org.switchboard.store.seed.SeedRunner;

/**
 * A running Switchboard node: starts the parts in the order of architecture.md (database with
 * migrations and seeds, services with their caches, then the listeners) and stops them in
 * reverse. Started and stopped by one thread at a time (the start-up thread, then the shutdown
 * hook); {@link #httpPort()} may be read by any thread.
 */
public final class Server {
    private static final Logger log = LoggerFactory.getLogger(Server.class);

    private static final String DIGEST_NONCE_KEY = "sip.digest_nonce_key";

    private final Stores stores;
    private final Housekeeping housekeeping;
    private final Features features;
    private final SipWiring sip;
    private final List<FeatureModule> modules;
    private final ApiServer http;
    private final Optional<String> generatedAdminPassword;

    private Server(Stores stores, Housekeeping housekeeping, Features features, SipWiring sip,
            List<FeatureModule> modules, ApiServer http, Optional<String> generatedAdminPassword) {
        this.stores = stores;
        this.housekeeping = housekeeping;
        this.features = features;
        this.sip = sip;
        this.modules = modules;
        this.http = http;
        this.generatedAdminPassword = generatedAdminPassword;
    }

    /**
     * Starts a node. On failure everything already started is stopped again and the exception is
     * rethrown (e.g. {@code UnavailableException} when the database is unreachable).
     */
    public static Server start(SwitchboardConfig config, Clock clock, String version) {
        // First, before anything opens a file: a folder that cannot be used stops the start with its
        // name, the reason and the remedy (exit code 2), not with a failure deep inside a feature.
        DataDirectory.open(config.dataDir());
        Stores stores = StoreWiring.open(config.database());
        Housekeeping housekeeping = new Housekeeping();
        Features features = null;
        SipWiring sip = null;
        List<FeatureModule> modules = List.of();
        try {
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            stores.database().bindMetrics(registry);
            features = FeatureWiring.build(stores, config, registry, clock);
            InitialAdminSeed adminSeed = new InitialAdminSeed(features.adminAuth(), stores.adminUsers(), config.admin());
            // Provisioning is built before the seeds because its seed saves through the service.
            ProvisioningWiring provisioning = ProvisioningWiring.build(config, stores.database(), features.extensions(),
                    new DirectoryXml(features.phoneBook()), clock, features.events());
            modules = FeatureWiring.modules(features, config, adminSeed, provisioning, stores.database(), clock);
            FeatureWiring.registerDestinations(modules, features.dialPlan());
            runSeeds(new SeedRunner(stores.database(), clock), FeatureWiring.seeds(modules));
            FeatureWiring.start(modules, features.events(), housekeeping);
            // SIP after the services it calls and before HTTP (architecture.md, "Startup and shutdown order").
            sip = SipWiring.start(config, stores.database(), features, modules, provisioning.service(), digestNonceKey(stores, clock),
                    Optional.of(DataDirectory.ensureFolder(config.sip().tlsDir(), "sip.tls_dir")), registry,
                    housekeeping.scheduler(), clock);
            FeatureWiring.sipStarted(modules, sip);
            ApiServer http = HttpWiring.build(config.http(), httpsIdentity(config), stores, features, sip, modules,
                    Optional.of(sip.calls()), registry, clock, version);
            http.start();
            log.info("switchboard started version={} http={}:{} sip={}:{} database={}", version, config.http().bind(),
                    http.port(), config.sip().bind(), sip.stack().localAddress(Transport.UDP).getPort(),
                    stores.database().engine().name().toLowerCase(Locale.ROOT));
            return new Server(stores, housekeeping, features, sip, modules, http, adminSeed.generatedPassword());
        } catch (RuntimeException e) {
            if (sip != null) {
                FeatureWiring.sipStopping(modules);
                sip.close();
            }
            FeatureWiring.close(modules);
            if (features != null) {
                features.events().close();
            }
            housekeeping.close();
            stores.close();
            throw e;
        }
    }

    /**
     * Runs each seed in its own transaction. A seeded row the rules refuse (a device naming an
     * extension that exists nowhere) is reported under the config section it came from, not as a
     * bare field name that reads like a command-line option.
     */
    private static void runSeeds(SeedRunner runner, List<Seed> seeds) {
        for (Seed seed : seeds) {
            try {
                runner.run(seed);
            } catch (ValidationException e) {
                throw new ValidationException(seed.name() + "." + e.field(), e.getMessage());
            } catch (ConflictException e) {
                throw new ConflictException(seed.name() + "." + e.field(), e.getMessage());
            }
        }
    }

    /**
     * The certificate HTTPS answers with: the SIP TLS pair in {@code sip.tls_dir} (the SIP stack,
     * started before, has generated a self-signed one there when the folder held none).
     */
    private static TlsIdentity httpsIdentity(SwitchboardConfig config) {
        SwitchboardConfig.Sip sip = config.sip();
        TlsCertificates.PemPair pair = TlsCertificates.selfSigned(sip.tlsDir(), sip.externalAddress().orElse(sip.domain()));
        return new TlsIdentity(pair.certificate(), pair.privateKey());
    }

    /** The key that signs digest nonces: shared by every node on the database and kept across restarts. */
    private static byte[] digestNonceKey(Stores stores, Clock clock) {
        return new JdbiSecretStore(stores.database()).getOrCreate(DIGEST_NONCE_KEY, () -> {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return key;
        }, clock.instant());
    }

    /** The running module of this type, if the node has one (tests drive a module's entry points through it). */
    public <T extends FeatureModule> Optional<T> module(Class<T> type) {
        return modules.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** The port SIP over UDP is bound to (the actual one when the configuration asked for 0). */
    public int sipPort() {
        return sip.stack().localAddress(Transport.UDP).getPort();
    }

    /** The port SIP over TLS is bound to. */
    public int sipTlsPort() {
        return sip.stack().localAddress(Transport.TLS).getPort();
    }

    /** The port the HTTP API is bound to. */
    public int httpPort() {
        return http.port();
    }

    /** Every route the HTTP API registered, for checks that must cover all of them (roles, documentation). */
    public List<RouteKey> apiRoutes() {
        return http.registeredRoutes();
    }

    /** The first admin's password when this start generated it: to be shown once, never stored in clear. */
    public Optional<String> generatedAdminPassword() {
        return generatedAdminPassword;
    }

    /**
     * Stops accepting HTTP requests, lets the ones in flight finish, stops scheduling periodic
     * jobs, then closes the pool (which waits for connections still in use, so a write that
     * started commits or rolls back whole).
     */
    public void stop() {
        log.info("switchboard stopping");
        http.stop();
        // Before the stack closes: trunks send their un-REGISTERs and wait briefly for the answers.
        FeatureWiring.sipStopping(modules);
        sip.close();
        housekeeping.close();
        // Write-behind queues flush before the pool closes, so nothing recorded is lost.
        FeatureWiring.close(modules);
        features.events().close();
        stores.close();
        log.info("switchboard stopped");
    }
}
