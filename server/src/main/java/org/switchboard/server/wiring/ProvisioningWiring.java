package org.switchboard.server.wiring;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.provisioning.Codec;
import org.switchboard.pbx.provisioning.DeviceHttpAuth;
import org.switchboard.pbx.provisioning.DeviceSecretCipher;
import org.switchboard.pbx.provisioning.ProvisioningKeyFile;
import org.switchboard.pbx.provisioning.ProvisioningSeed;
import org.switchboard.pbx.provisioning.PhoneDirectory;
import org.switchboard.pbx.provisioning.ProvisioningService;
import org.switchboard.pbx.provisioning.ProvisioningTemplates;
import org.switchboard.pbx.provisioning.ProvisioningUrlToken;
import org.switchboard.pbx.provisioning.SipTransport;
import org.switchboard.pbx.provisioning.SiteSettings;
import org.switchboard.api.http.Routes;
import org.switchboard.api.provisioning.ProvisionFileRoutes;
import org.switchboard.api.provisioning.ProvisioningAccessRoutes;
import org.switchboard.api.provisioning.ProvisioningRoutes;
import org.switchboard.api.provisioning.ScanThrottle;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.store.seed.Seed;
import org.switchboard.store.db.BatchWriter;
import org.switchboard.store.db.Database;
import org.switchboard.store.provisioning.JdbiDeviceHttpCredentialStore;
import org.switchboard.store.provisioning.JdbiProvisionedDeviceStore;
import org.switchboard.store.provisioning.JdbiProvisioningTokenStore;
import org.switchboard.store.provisioning.JdbiRegisteredPhoneStore;
import org.switchboard.store.provisioning.ProvisioningFetch;
import org.switchboard.store.secret.JdbiSecretStore;

/**
 * Phone provisioning as a node's feature module: the service over the device and phone stores,
 * the key file that encrypts provisioned SIP passwords, the write-behind queue for fetch times,
 * what protects the files in transit (the URL token and the devices' HTTP digest credentials),
 * the {@code provisioning.devices} seed and the routes. Only {@code run} builds it (one-shot commands never touch the key file). Built and closed
 * by the thread that owns the server's lifecycle; the service is thread-safe.
 */
public final class ProvisioningWiring implements FeatureModule {
    private static final String HTTP_DIGEST_NONCE_KEY = "provisioning.http_digest_nonce_key";

    private final ProvisioningService service;
    private final ProvisioningUrlToken urlToken;
    private final DeviceHttpAuth httpAuth;
    private final BatchWriter<ProvisioningFetch> fetches;
    private final PhoneDirectory directory;
    private final SwitchboardConfig config;
    private final Clock clock;

    private ProvisioningWiring(ProvisioningService service, ProvisioningUrlToken urlToken, DeviceHttpAuth httpAuth,
            BatchWriter<ProvisioningFetch> fetches, PhoneDirectory directory, SwitchboardConfig config, Clock clock) {
        this.service = service;
        this.directory = directory;
        this.urlToken = urlToken;
        this.httpAuth = httpAuth;
        this.fetches = fetches;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Builds the service; its device cache stays empty until {@link #start()}, so the seed can run
     * first (architecture.md: seeds before caches).
     */
    public static ProvisioningWiring build(SwitchboardConfig config, Database database, ExtensionService extensions,
            PhoneDirectory directory, Clock clock, EventBus events) {
        SwitchboardConfig.Provisioning settings = config.provisioning();
        byte[] key = ProvisioningKeyFile.loadOrCreate(settings.keyFile());
        JdbiProvisionedDeviceStore devices = new JdbiProvisionedDeviceStore(database);
        // A fetch time is a high-rate fact: losing the oldest under a flood is acceptable (persistence.md).
        BatchWriter<ProvisioningFetch> fetches = new BatchWriter<>("provisioning_fetches", database,
                BatchWriter.Settings.defaults(BatchWriter.Overflow.DROP_OLDEST), ProvisioningFetch::macAddress,
                devices.fetchSink());
        ProvisioningService service = new ProvisioningService(devices, new JdbiRegisteredPhoneStore(database), extensions,
                new ProvisioningTemplates(settings.templateDir(), clock), site(config), new DeviceSecretCipher(key),
                fetches::submit, clock, events);
        ProvisioningUrlToken urlToken = new ProvisioningUrlToken(new JdbiProvisioningTokenStore(database), clock, events);
        DeviceHttpAuth httpAuth = new DeviceHttpAuth(new JdbiDeviceHttpCredentialStore(database), service,
                httpDigestNonceKey(database, clock), clock, events);
        return new ProvisioningWiring(service, urlToken, httpAuth, fetches, directory, config, clock);
    }

    @Override
    public String name() {
        return "provisioning";
    }

    @Override
    public List<Seed> seeds() {
        return List.of(new ProvisioningSeed(service, config.provisioning().devices()));
    }

    /**
     * Loads the devices, the URL token (created on an installation's first start) and the devices'
     * HTTP credentials from the database (after the seeds ran, before phones fetch files).
     */
    @Override
    public void loadCaches() {
        service.start();
        urlToken.start();
        httpAuth.start();
    }

    @Override
    public List<Routes> routes(SipWiring sip) {
        return List.of(new ProvisioningRoutes(service, urlToken),
                new ProvisioningAccessRoutes(urlToken, httpAuth, config.http().tls()),
                new ProvisionFileRoutes(service, urlToken, httpAuth,
                        new ScanThrottle(ScanThrottle.Settings.defaults(), clock), config.provisioning().httpsOnly(), directory));
    }

    public ProvisioningService service() {
        return service;
    }

    /** Stops following device deletions and flushes the fetch times still queued; call before the pool closes. */
    @Override
    public void close() {
        httpAuth.close();
        fetches.close();
    }

    /** The key that signs HTTP digest nonces: shared by every node on the database and kept across restarts. */
    private static byte[] httpDigestNonceKey(Database database, Clock clock) {
        return new JdbiSecretStore(database).getOrCreate(HTTP_DIGEST_NONCE_KEY, () -> {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return key;
        }, clock.instant());
    }

    /** What every phone's file says about this site: the SIP server as phones must reach it, and the site's clock. */
    private static SiteSettings site(SwitchboardConfig config) {
        SwitchboardConfig.Sip sip = config.sip();
        return new SiteSettings(sip.externalAddress().orElse(sip.domain()), sip.port() == 0 ? 5060 : sip.port(),
                SipTransport.UDP, config.provisioning().voicemailNumber(), config.provisioning().timeZone(),
                config.provisioning().ntpServer(), List.of(Codec.PCMU, Codec.PCMA));
    }
}
