package org.switchboard.pbx.provisioning;

import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.pbx.event.PbxEvent.Change;
import org.switchboard.pbx.event.PbxEvent.ConfigChanged;
import org.switchboard.pbx.event.Subscription;
import org.switchboard.sip.auth.AuthResult;
import org.switchboard.sip.auth.DigestAlgorithm;
import org.switchboard.sip.auth.DigestAuthenticator;
import org.switchboard.sip.auth.DigestServerSettings;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.provisioning.DeviceHttpCredential;
import org.switchboard.store.provisioning.DeviceHttpCredentialStore;
import org.switchboard.store.provisioning.NewDeviceHttpCredential;

/**
 * HTTP digest authentication (RFC 7616) of phones fetching their files: an admin gives a device
 * credentials (user name = its MAC, a generated password shown once), and from then on its files
 * are served only to a request that proves the password. Only the HA1 is stored.
 *
 * <p>The digest computation, nonces (stateless HMAC, shared by every node through the secret
 * passed in) and nonce-count replay check are the SIP stack's {@link DigestAuthenticator}: HTTP
 * and SIP digest are the same RFC. Only MD5 is offered, because phone firmware's HTTP clients
 * commonly know nothing else and some give up on a second challenge (docs/decisions.md); the
 * generated password is random, so MD5's weakness does not let an eavesdropper recover it.
 *
 * <p>Thread-safe: {@link #check} reads an in-memory copy of the table (volatile, no SQL, no
 * locks); changes are serialized by a lock and followed by a reload. The copy is also reloaded
 * when a device or extension is deleted (the device's credentials go with it in the database).
 */
public final class DeviceHttpAuth implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeviceHttpAuth.class);
    /** The protection space phones are challenged with; part of the stored HA1. */
    public static final String REALM = "switchboard-provisioning";

    private final DeviceHttpCredentialStore store;
    private final ProvisioningService devices;
    private final DigestAuthenticator digest;
    private final Clock clock;
    private final EventBus events;
    private final RandomSecrets random = new RandomSecrets();
    private final Lock changes = new ReentrantLock();
    private volatile Map<String, DeviceHttpCredential> byMac = Map.of();
    private Subscription deletions;

    /** @param nonceSecret at least {@link DigestAuthenticator#MIN_SECRET_BYTES} bytes, the same on every node */
    public DeviceHttpAuth(DeviceHttpCredentialStore store, ProvisioningService devices, byte[] nonceSecret, Clock clock,
                          EventBus events) {
        this.store = store;
        this.devices = devices;
        this.digest = new DigestAuthenticator(nonceSecret,
                DigestServerSettings.defaults().withOfferedAlgorithms(List.of(DigestAlgorithm.MD5)), clock);
        this.clock = clock;
        this.events = events;
    }

    /** A device's new credentials; the password exists only here, to be shown to the admin once. */
    public record GeneratedCredentials(String macAddress, String username, String password) {
        @Override
        public String toString() {
            return "GeneratedCredentials[mac=" + macAddress + ", username=" + username + ", password=***]";
        }
    }

    /** Loads the credentials and starts following device deletions; once, at start. */
    public void start() {
        reloadCache();
        deletions = events.subscribe("provisioning-http-credentials", EventBus.Delivery.LOSSLESS, 256, this::onEvent);
        log.info("Loaded HTTP credentials of {} provisioned devices", byMac.size());
    }

    /**
     * Gives the device new credentials, replacing any it had (the old password stops working).
     *
     * @throws NotFoundException when no device has this MAC
     */
    public GeneratedCredentials generate(String mac, String actor) {
        MacAddress m = MacAddress.parse(mac);
        changes.lock();
        try {
            devices.get(m.hex());
            String password = random.password();
            String username = m.hex();
            store.put(new NewDeviceHttpCredential(m.hex(), username, REALM, DigestAlgorithm.MD5.ha1(username, REALM, password)),
                    clock.instant());
            reloadCache();
            events.publish(new ConfigChanged(clock.instant(), "device_http_credentials", m.hex(), Change.UPDATED));
            log.info("provisioning http credentials generated mac={} by={}", m.hex(), actor);
            return new GeneratedCredentials(m.hex(), username, password);
        } finally {
            changes.unlock();
        }
    }

    /**
     * Removes the device's credentials: its files are then protected by the URL token (and static
     * IP) only. {@link NotFoundException} when the device has none.
     */
    public void remove(String mac, String actor) {
        MacAddress m = MacAddress.parse(mac);
        changes.lock();
        try {
            if (!store.delete(m.hex())) {
                throw new NotFoundException("device_http_credentials", m.hex());
            }
            reloadCache();
            events.publish(new ConfigChanged(clock.instant(), "device_http_credentials", m.hex(), Change.DELETED));
            log.info("provisioning http credentials removed mac={} by={}", m.hex(), actor);
        } finally {
            changes.unlock();
        }
    }

    /** The device's user name when it has credentials (the API shows it; the password is never kept). */
    public Optional<String> username(String mac) {
        return Optional.ofNullable(byMac.get(MacAddress.parse(mac).hex())).map(DeviceHttpCredential::username);
    }

    /**
     * Whether a request for one of {@code mac}'s files may be served.
     *
     * @param requestUri the request target as received (path and query), which the digest-uri must name
     * @param authorization the {@code Authorization} header, if any
     */
    public HttpAuthVerdict check(MacAddress mac, String method, String requestUri, Optional<String> authorization,
                                 InetAddress client) {
        DeviceHttpCredential credential = byMac.get(mac.hex());
        if (credential == null) {
            return new HttpAuthVerdict.NotRequired();
        }
        if (authorization.isEmpty() || !authorization.get().strip().toLowerCase(Locale.ROOT).startsWith("digest ")) {
            return challenge(client, false, false, "no digest credentials");
        }
        AuthResult result = digest.verify(method, requestUri, authorization.get(), REALM, client,
                (username, realm, algorithm) -> username.equals(credential.username()) && realm.equals(credential.realm())
                        && algorithm == DigestAlgorithm.MD5 ? Optional.of(credential.ha1Md5()) : Optional.empty());
        return switch (result) {
            case AuthResult.Ok ok -> new HttpAuthVerdict.Granted(ok.username());
            case AuthResult.Stale s -> challenge(client, true, false, "stale nonce");
            case AuthResult.Invalid invalid -> challenge(client, false, true, invalid.reason());
            case AuthResult.Malformed malformed -> challenge(client, false, true, malformed.reason());
        };
    }

    private HttpAuthVerdict.Challenge challenge(InetAddress client, boolean stale, boolean failed, String reason) {
        return new HttpAuthVerdict.Challenge(digest.challengeHeaderValues(REALM, client, stale), failed, reason);
    }

    /** Loads the copy from the database: at start, after each change, after a device was deleted. */
    public void reloadCache() {
        changes.lock();
        try {
            byMac = store.list().stream()
                    .collect(Collectors.toUnmodifiableMap(DeviceHttpCredential::macAddress, Function.identity()));
        } finally {
            changes.unlock();
        }
    }

    /** Deleting a device, or the extension its row cascades from, deletes its credentials in the database. */
    private void onEvent(PbxEvent event) {
        if (event instanceof ConfigChanged changed && changed.change() == Change.DELETED
                && (changed.entity().equals("device") || changed.entity().equals("extension"))) {
            reloadCache();
        }
    }

    @Override
    public void close() {
        if (deletions != null) {
            deletions.close();
        }
    }
}
