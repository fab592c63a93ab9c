package org.switchboard.server.wiring;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.switchboard.pbx.admin.AdminAuthService;
import org.switchboard.pbx.callsettings.CallSettingsService;
import org.switchboard.pbx.cdr.CdrRecorder;
import org.switchboard.pbx.cdr.CdrService;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.ConfigChanged;
import org.switchboard.pbx.routing.DefaultDialPlan;
import org.switchboard.pbx.routing.DialPlanSeed;
import org.switchboard.pbx.routing.DialPlanService;
import org.switchboard.store.callsettings.JdbiCallSettingsStore;
import org.switchboard.store.cdr.JdbiCdrStore;
import org.switchboard.store.db.BatchWriter;
import org.switchboard.store.db.Database;
import org.switchboard.store.dialplan.JdbiDialPlanRuleStore;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.admin.AuthPolicy;
import org.switchboard.pbx.extension.ExtensionSeed;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.provisioning.ProvisioningSeed;
import org.switchboard.pbx.provisioning.ProvisioningService;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.store.seed.Seed;

/**
 * Builds the PBX services on the stores, and the seeds that copy the config file's sections into
 * an empty database once. One place per feature: a new feature adds its lines here. Called by the
 * start-up thread or a CLI command.
 */
public final class FeatureWiring {
    private static final Logger log = LoggerFactory.getLogger(FeatureWiring.class);

    private FeatureWiring() {}

    /** The services; their caches are empty until {@link #loadCaches} runs. */
    public static Features build(Stores stores, SwitchboardConfig config, MeterRegistry registry, Clock clock) {
        Argon2PasswordHasher hasher = new Argon2PasswordHasher();
        EventBus events = new EventBus();
        // The SIP domain is the digest realm (RFC 3261 §22.1), so HA1s are computed for it.
        ExtensionService extensions = new ExtensionService(stores.extensions(), config.sip().domain(), hasher, clock, events);
        AdminAuthService adminAuth = new AdminAuthService(stores.adminUsers(), stores.adminTokens(), hasher,
                AuthPolicy.defaults().withTokenLifetime(config.admin().tokenTtl()).withLoginThrottle(
                        config.admin().loginMaxFailures(), config.admin().loginFailureWindow(), config.admin().loginSlowdown()),
                clock);
        Database db = stores.database();
        DialPlanService dialPlan = new DialPlanService(new JdbiDialPlanRuleStore(db), extensions, clock, events);
        CallSettingsService callSettings = new CallSettingsService(new JdbiCallSettingsStore(db), extensions, dialPlan, clock,
                events);
        JdbiCdrStore cdrStore = new JdbiCdrStore(db, clock);
        // CDRs are never dropped: a full queue makes the producer wait (persistence.md, write-behind).
        CdrRecorder cdrRecorder = new CdrRecorder(db, cdrStore, BatchWriter.Settings.defaults(BatchWriter.Overflow.WAIT), registry);
        return new Features(extensions, adminAuth, dialPlan, callSettings, new CdrService(cdrStore), cdrRecorder,
                events);
    }

    /**
     * The seeds, in the order they run: the first admin, the extensions, the provisioned devices
     * (which name extensions, so they come after them), then the default dial plan.
     */
    public static List<Seed> seeds(Features features, SwitchboardConfig config, InitialAdminSeed adminSeed,
                                   ProvisioningService provisioning) {
        return List.of(adminSeed, new ExtensionSeed(features.extensions(), config.extensions()),
                new ProvisioningSeed(provisioning, config.provisioning().devices()),
                new DialPlanSeed(features.dialPlan(), DefaultDialPlan.rules()));
    }

    /** Schedules each feature's periodic jobs. */
    public static void schedule(Features features, Housekeeping housekeeping) {
        housekeeping.every("admin-token-purge", Duration.ofHours(1), () -> {
            int purged = features.adminAuth().purgeExpiredTokens();
            if (purged > 0) {
                log.info("expired admin tokens purged count={}", purged);
            }
        });
    }

    /**
     * Subscribes the caches that depend on other features' data (after {@link #loadCaches}, before
     * traffic). Call settings rows follow their extension in the database when it is renumbered or
     * deleted, and the dial plan decides with extension data, so both reload after an extension
     * change. Lossless: a missed reload would leave a stale cache until the next change.
     */
    public static void subscribe(Features features) {
        features.events().subscribe("extension-caches", EventBus.Delivery.LOSSLESS, 256, event -> {
            if (event instanceof ConfigChanged changed && changed.entity().equals("extension")) {
                features.dialPlan().reloadCache();
                features.callSettings().reloadCache();
            }
        });
    }

    /** Loads every service's in-memory cache from the database (after seeding, before traffic). */
    public static void loadCaches(Features features) {
        features.extensions().reloadCache();
        // The dial plan checks extensions, and call settings check targets through the dial plan.
        features.dialPlan().reloadCache();
        features.callSettings().reloadCache();
    }
}
