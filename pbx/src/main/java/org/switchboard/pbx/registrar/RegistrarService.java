package org.switchboard.pbx.registrar;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.Subscription;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.sip.auth.DigestAuthenticator;
import org.switchboard.sip.auth.DigestServerSettings;
import org.switchboard.pbx.provisioning.ProvisionedLogins;
import org.switchboard.store.db.BatchWriter;
import org.switchboard.store.db.Database;
import org.switchboard.store.provisioning.JdbiRegisteredPhoneStore;
import org.switchboard.store.provisioning.PhoneSighting;
import org.switchboard.store.registrar.JdbiRegistrationStore;
import org.switchboard.store.registrar.Registration;

/**
 * The registrar feature assembled on one database: loads the live bindings at start, runs the
 * expiry sweep on the housekeeping scheduler (which also merges the table into memory, so a second
 * node on the same PostgreSQL sees this node's bindings within one sweep interval), removes the
 * bindings of provisioned devices whose own credentials were revoked, and on {@link
 * #close} stops the sweep and flushes the write-behind writers. Started and closed by the thread
 * that owns the server's lifecycle; the accessors may be called from any thread.
 */
public final class RegistrarService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RegistrarService.class);
    /** Sources of failed authentications remembered at once (about 100 bytes each). */
    private static final int FAILURE_SOURCES = 10_000;

    private final Registrar registrar;
    private final DigestAuthenticator authenticator;
    private final CredentialLookup credentials;
    private final DigestOffers offers;
    private final LocationService location;
    private final RegistrationFailures failures;
    private final AuthFailureListener authFailures;
    private final BindingPersistence persistence;
    private final BatchWriter<PhoneSighting> sightings;
    private final ScheduledFuture<?> sweep;
    private final Subscription deviceRevocations;
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private final InstantSource clock;

    private RegistrarService(Database database, ExtensionService extensions, ProvisionedLogins devices,
            UserAgentOffers userAgentRules, RegistrarSettings settings, byte[] digestSecret, MeterRegistry registry,
            ScheduledExecutorService housekeeping, InstantSource clock, EventBus events, AuthFailureListener authFailures) {
        this.clock = clock;
        this.authFailures = authFailures;
        JdbiRegistrationStore store = new JdbiRegistrationStore(database);
        this.persistence = new BindingPersistence(database, store, new BatchWriter<>("binding_refresh", database,
                BatchWriter.Settings.defaults(BatchWriter.Overflow.WAIT), Registration::key, store.refreshSink()));
        JdbiRegisteredPhoneStore phoneStore = new JdbiRegisteredPhoneStore(database);
        this.sightings = new BatchWriter<>("registered_phones", database,
                BatchWriter.Settings.defaults(BatchWriter.Overflow.WAIT), PhoneSighting::rowKey, phoneStore.batchSink());
        this.location = new LocationService(clock, events);
        this.failures = new RegistrationFailures(FAILURE_SOURCES, clock);
        this.location.merge(persistence.loadLive(clock.instant()));
        this.authenticator = new DigestAuthenticator(digestSecret,
                DigestServerSettings.defaults().withOfferedAlgorithms(settings.digestAlgorithms()), clock);
        this.credentials = new CredentialLookup(extensions, devices);
        this.offers = new DigestOffers(extensions, userAgentRules, settings.digestAlgorithms());
        this.deviceRevocations = events.subscribe("registrar-revoked-devices", EventBus.Delivery.LOSSLESS, 256,
                new RevokedDeviceBindings(phoneStore, credentials, location, persistence)::onEvent);
        this.registrar = new Registrar(settings, authenticator, credentials, offers, location, persistence,
                new PhoneTracker(sightings), failures, authFailures, new RegistrarMetrics(registry), clock);
        long periodMillis = settings.sweepInterval().toMillis();
        this.sweep = housekeeping.scheduleAtFixedRate(
                () -> persistence.runAsync(this::sweep), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        log.info("registrar started bindings={} realm={}", location.all().size(), settings.realm());
    }

    /**
     * Builds the registrar and loads the live bindings from the table (blocking: call at start-up,
     * never on an event loop).
     *
     * @param devices the provisioned devices' own SIP logins, which register to their extension
     * @param userAgentRules which digest algorithms the User-Agent rules give a phone on {@code auto}
     * @param digestSecret the nonce HMAC key; nodes sharing it accept each other's nonces
     * @param housekeeping the shared scheduler; the sweep only hands its work to a virtual thread
     * @param events where binding changes are published ({@code RegistrationChanged})
     */
    public static RegistrarService start(Database database, ExtensionService extensions, ProvisionedLogins devices,
            UserAgentOffers userAgentRules, RegistrarSettings settings, byte[] digestSecret, MeterRegistry registry,
            ScheduledExecutorService housekeeping, InstantSource clock, EventBus events) {
        return start(database, extensions, devices, userAgentRules, settings, digestSecret, registry, housekeeping,
                clock, events, AuthFailureListener.NONE);
    }

    /**
     * As {@link #start(Database, ExtensionService, ProvisionedLogins, UserAgentOffers, RegistrarSettings,
     * byte[], MeterRegistry, ScheduledExecutorService, InstantSource, EventBus)}, telling {@code
     * authFailures} of every wrong credential, for REGISTER here and for the other methods that use
     * {@link #authFailures()}.
     */
    public static RegistrarService start(Database database, ExtensionService extensions, ProvisionedLogins devices,
            UserAgentOffers userAgentRules, RegistrarSettings settings, byte[] digestSecret, MeterRegistry registry,
            ScheduledExecutorService housekeeping, InstantSource clock, EventBus events, AuthFailureListener authFailures) {
        return new RegistrarService(database, extensions, devices, userAgentRules, settings, digestSecret, registry,
                housekeeping, clock, events, authFailures);
    }

    /** Where every challenged method reports wrong credentials. */
    public AuthFailureListener authFailures() {
        return authFailures;
    }

    /** The REGISTER handler for the method router. */
    public Registrar registrar() {
        return registrar;
    }

    /**
     * The digest check REGISTER uses, for other requests from extensions (call control's INVITE
     * challenge): same algorithms and nonce key, so a phone's nonce is good for both.
     */
    public DigestAuthenticator authenticator() {
        return authenticator;
    }

    /**
     * The extensions' and provisioned devices' HA1s (with the decoy for unknown users), for {@link
     * #authenticator()}, and who each digest user name is.
     */
    public CredentialLookup credentials() {
        return credentials;
    }

    /** Which algorithms a phone's challenge offers, for other requests from extensions (INVITE). */
    public DigestOffers offers() {
        return offers;
    }

    /** Where call routing finds an extension's phones. */
    public LocationService location() {
        return location;
    }

    /** Failed authentications per source address. */
    public RegistrationFailures failures() {
        return failures;
    }

    /** Runs one expiry sweep now and waits for it (blocking; for tests and shutdown tooling). */
    public void sweepNow() {
        persistence.runAsync(this::sweep).join();
    }

    private void sweep() {
        if (!sweeping.compareAndSet(false, true)) {
            return; // the previous sweep is still running (a slow database): skip this tick
        }
        try {
            Instant now = clock.instant();
            int inMemory = location.removeExpired(now);
            int inTable = persistence.deleteExpired(now);
            location.merge(persistence.loadLive(now));
            if (inMemory + inTable > 0) {
                log.debug("expired bindings removed memory={} table={}", inMemory, inTable);
            }
        } catch (RuntimeException e) {
            if (BindingPersistence.isDatabaseFault(e)) {
                // Logged once by the database when the fault began; the sweep simply tries again next tick.
                log.debug("binding sweep skipped, database fault reason={}", e.getMessage());
            } else {
                log.warn("binding sweep failed reason={}", e.toString());
            }
        } finally {
            sweeping.set(false);
        }
    }

    /** Stops the sweep and flushes the refreshes and phone sightings still waiting. */
    @Override
    public void close() {
        sweep.cancel(false);
        deviceRevocations.close();
        persistence.close();
        sightings.close();
    }
}
