package org.switchboard.pbx.extension;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.sip.auth.DigestAlgorithm;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.extension.Extension;
import org.switchboard.store.extension.ExtensionStore;
import org.switchboard.store.extension.NewExtension;

/**
 * The single entry point for extensions (API, CLI, config seed, and later the registrar): applies
 * the rules, turns plain secrets into what is stored (digest HA1s for the SIP realm, an Argon2id
 * hash of the voicemail PIN), writes through the store, and keeps an in-memory copy reloaded from
 * the database after every committed change, so call-path lookups never wait on SQL.
 *
 * <p>Thread-safe: writes and cache reloads may come from any virtual or request thread. They are
 * serialized by one lock (admin changes are rare, so this costs nothing): an update reads the
 * stored secrets it keeps and writes them back, and without the lock a concurrent password change
 * on this node could be overwritten with the old HA1s. Reloads publish a new immutable map through
 * a volatile field that readers ({@link #findCredentials}) read without locking. Never call the
 * writing methods from an event loop.
 */
public final class ExtensionService {
    private static final Logger log = LoggerFactory.getLogger(ExtensionService.class);

    private final ExtensionStore store;
    private final String realm;
    private final Argon2PasswordHasher hasher;
    private final Clock clock;
    private final Lock changes = new ReentrantLock();
    private volatile Map<String, Extension> byNumber = Map.of();

    /**
     * @param realm the SIP domain; HA1s are computed for it (RFC 3261 §22.4: the realm is part of HA1)
     */
    public ExtensionService(ExtensionStore store, String realm, Argon2PasswordHasher hasher, Clock clock) {
        this.store = store;
        this.realm = realm;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Creates an extension; {@code ConflictException("number")} if the number exists. */
    public Extension create(ExtensionInput input, String actor) {
        input.requirePassword();
        changes.lock();
        try {
            Extension saved = store.create(toStored(input, Optional.empty()), clock.instant());
            reloadCache();
            log.info("extension created number={} by={}", saved.number(), actor);
            return saved;
        } finally {
            changes.unlock();
        }
    }

    /** Replaces an extension's settings; a null password or PIN keeps the stored one. */
    public Extension update(String number, ExtensionInput input, String actor) {
        changes.lock();
        try {
            Extension current = get(number);
            Extension saved = store.update(current.id(), toStored(input, Optional.of(current)), clock.instant());
            reloadCache();
            log.info("extension updated number={} password_changed={} pin_changed={} by={}",
                    number, input.password() != null, input.voicemailPin() != null, actor);
            return saved;
        } finally {
            changes.unlock();
        }
    }

    /** The extension with this number, read from the database; {@link NotFoundException} if absent. */
    public Extension get(String number) {
        return store.findByNumber(number).orElseThrow(() -> new NotFoundException("extension", number));
    }

    /** Every extension, ordered by number, read from the database. */
    public List<Extension> list() {
        return store.list();
    }

    /** How many extensions exist (the seed asks before copying the config's section). */
    public long count() {
        return store.count();
    }

    /** Deletes the extension; {@link NotFoundException} if absent. */
    public void delete(String number, String actor) {
        changes.lock();
        try {
            store.delete(get(number).id());
            reloadCache();
            log.info("extension deleted number={} by={}", number, actor);
        } finally {
            changes.unlock();
        }
    }

    /**
     * Digest credentials for a registering phone, from the cache (no SQL). Empty when the number
     * is unknown or its HA1s were made for another realm (the SIP domain changed since: the
     * password must be set again).
     */
    public Optional<SipCredentials> findCredentials(String number) {
        Extension e = byNumber.get(number);
        if (e == null || !realm.equals(e.realm())) {
            return Optional.empty();
        }
        return Optional.of(new SipCredentials(e.number(), e.realm(), e.ha1Md5(), e.ha1Sha256(), e.enabled()));
    }

    /** Whether the voicemail PIN matches the extension's stored hash (false when none is set). */
    public boolean checkVoicemailPin(String number, String pin) {
        Extension e = byNumber.get(number);
        return e != null && e.voicemailPinHash() != null && hasher.matches(pin, e.voicemailPinHash());
    }

    /** Loads the cache from the database: at start, after each change, and on a change notice from another node. */
    public void reloadCache() {
        changes.lock();
        try {
            Map<String, Extension> fresh = store.list().stream()
                    .collect(Collectors.toUnmodifiableMap(Extension::number, Function.identity()));
            long stale = fresh.values().stream().filter(e -> !realm.equals(e.realm())).count();
            if (stale > 0) {
                log.warn("extensions with HA1 for another realm cannot register until their password is set again count={} realm={}",
                        stale, realm);
            }
            byNumber = fresh;
        } finally {
            changes.unlock();
        }
    }

    private NewExtension toStored(ExtensionInput input, Optional<Extension> current) {
        String ha1Md5;
        String ha1Sha256;
        String storedRealm;
        if (input.password() != null) {
            ha1Md5 = DigestAlgorithm.MD5.ha1(input.number(), realm, input.password());
            ha1Sha256 = DigestAlgorithm.SHA_256.ha1(input.number(), realm, input.password());
            storedRealm = realm;
        } else {
            Extension e = current.orElseThrow();
            ha1Md5 = e.ha1Md5();
            ha1Sha256 = e.ha1Sha256();
            storedRealm = e.realm();
        }
        String pinHash = input.voicemailPin() != null
                ? hasher.hash(input.voicemailPin())
                : current.map(Extension::voicemailPinHash).orElse(null);
        return new NewExtension(input.number(), input.name(), input.email(), ha1Md5, ha1Sha256, storedRealm,
                pinHash, input.allowExternal(), input.enabled());
    }
}
