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
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.ConfigChanged;
import org.switchboard.pbx.event.PbxEvent.Change;
import org.switchboard.sip.auth.DigestAlgorithm;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.extension.Extension;
import org.switchboard.store.extension.ExtensionStore;
import org.switchboard.store.extension.ExtensionUpdate;
import org.switchboard.store.extension.ExtensionUpdate.Digest;
import org.switchboard.store.extension.NewExtension;

/**
 * The single entry point for extensions (API, CLI, config seed, and later the registrar): applies
 * the rules, turns plain secrets into what is stored (digest HA1s for the SIP realm, an Argon2id
 * hash of the voicemail PIN), writes through the store, and keeps an in-memory copy reloaded from
 * the database after every committed change, so call-path lookups never wait on SQL.
 *
 * <p>Thread-safe: writes and cache reloads may come from any virtual or request thread. They are
 * serialized by one lock (admin changes are rare, so this costs nothing) so each change is followed
 * by its own reload. Secrets an update does not change are kept by the store inside its single
 * UPDATE, never read here and written back, so a password set meanwhile on another node survives.
 * Reloads publish a new immutable map through
 * a volatile field that readers ({@link #findCredentials}) read without locking. Never call the
 * writing methods from an event loop.
 */
public final class ExtensionService {
    private static final Logger log = LoggerFactory.getLogger(ExtensionService.class);

    private final ExtensionStore store;
    private final String realm;
    private final Argon2PasswordHasher hasher;
    private final Clock clock;
    private final EventBus events;
    private final Lock changes = new ReentrantLock();
    private volatile Map<String, Extension> byNumber = Map.of();

    /**
     * @param realm the SIP domain; HA1s are computed for it (RFC 3261 §22.4: the realm is part of HA1)
     * @param events where each committed change is published as {@code ConfigChanged("extension", number)}
     */
    public ExtensionService(ExtensionStore store, String realm, Argon2PasswordHasher hasher, Clock clock, EventBus events) {
        this.store = store;
        this.realm = realm;
        this.hasher = hasher;
        this.clock = clock;
        this.events = events;
    }

    /** Creates an extension; {@code ConflictException("number")} if the number exists. */
    public Extension create(ExtensionInput input, String actor) {
        input.requirePassword();
        changes.lock();
        try {
            Digest digest = digestFor(input.number(), input.password());
            Extension saved = store.create(new NewExtension(input.number(), input.name(), input.email(), digest.ha1Md5(),
                    digest.ha1Sha256(), digest.realm(), pinHash(input), input.allowExternal(), input.enabled(),
                    input.digestChoice().token()), clock.instant());
            reloadCache();
            published(saved.number(), Change.CREATED);
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
            // The number is the digest username, so the stored HA1s are only valid for it.
            Fields.check(input.number().equals(number) || input.password() != null, "password",
                    "is required when the number changes: SIP passwords are stored hashed with the number");
            // Secrets not given are kept by the store inside its UPDATE, not copied from `current`:
            // another node may have changed the password since this read.
            ExtensionUpdate change = new ExtensionUpdate(input.number(), input.name(), input.email(),
                    Optional.ofNullable(input.password()).map(p -> digestFor(input.number(), p)),
                    Optional.ofNullable(pinHash(input)), input.allowExternal(), input.enabled(),
                    input.digestChoice().token());
            Extension saved = store.update(current.id(), change, clock.instant());
            reloadCache();
            // A renumbering is the old number gone and a new one there: caches keyed by number
            // (call settings follow the extension in the database) must reload either way.
            if (!saved.number().equals(number)) {
                published(number, Change.DELETED);
                published(saved.number(), Change.CREATED);
            } else {
                published(number, Change.UPDATED);
            }
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

    /** The extension with this number, read from the database; empty if absent. */
    public Optional<Extension> find(String number) {
        return store.findByNumber(number);
    }

    /**
     * Sets the extension's voicemail PIN (stored as an Argon2id hash), leaving every other setting
     * as it is: the voicemail menu and the voicemail API change the PIN alone. {@link
     * NotFoundException} if absent; {@link org.switchboard.store.db.ValidationException} on
     * {@code voicemail_pin} unless it is 4 to 10 digits.
     */
    public Extension setVoicemailPin(String number, String pin, String actor) {
        Fields.check(ExtensionInput.isValidPin(pin), "voicemail_pin", "must be 4 to 10 digits");
        changes.lock();
        try {
            Extension saved = store.setVoicemailPinHash(get(number).id(), hasher.hash(pin), clock.instant());
            reloadCache();
            published(number, Change.UPDATED);
            log.info("extension voicemail PIN changed number={} by={}", number, actor);
            return saved;
        } finally {
            changes.unlock();
        }
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
            published(number, Change.DELETED);
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
        return Optional.of(new SipCredentials(e.number(), e.realm(), e.ha1Md5(), e.ha1Sha256(), e.enabled(),
                DigestChoice.fromToken(e.digestAlgorithm()).orElse(DigestChoice.AUTO)));
    }

    /** The extension's name, from the cache (no SQL: for call threads); empty when unknown or unnamed. */
    public Optional<String> nameOf(String number) {
        return Optional.ofNullable(byNumber.get(number)).map(Extension::name).filter(name -> !name.isBlank());
    }

    /** The SIP domain HA1s are computed for (RFC 3261 §22.4: the realm is part of HA1). */
    public String realm() {
        return realm;
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

    /** Tells subscribers (cache reloads, the live panel) about a committed change. */
    private void published(String number, Change change) {
        events.publish(new ConfigChanged(clock.instant(), "extension", number, change));
    }

    /** Both HA1s for this node's realm (RFC 3261 §22.4, RFC 7616 §3.4.2: the username is the number). */
    private Digest digestFor(String number, String password) {
        return new Digest(DigestAlgorithm.MD5.ha1(number, realm, password), DigestAlgorithm.SHA_256.ha1(number, realm, password),
                realm);
    }

    /** The Argon2id hash of the given PIN; null when none is given. */
    private String pinHash(ExtensionInput input) {
        return input.voicemailPin() != null ? hasher.hash(input.voicemailPin()) : null;
    }
}
