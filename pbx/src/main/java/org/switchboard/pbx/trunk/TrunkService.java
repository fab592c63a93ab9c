package org.switchboard.pbx.trunk;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.Change;
import org.switchboard.pbx.provisioning.DeviceSecretCipher;
import org.switchboard.pbx.records.NamedRecords;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.trunk.NewSipTrunk;
import org.switchboard.store.trunk.SipTrunk;
import org.switchboard.store.trunk.SipTrunkStore;

/**
 * The single entry point for SIP trunks (API, seed, the registrations): checks and stores them,
 * seals the password with the node's key (the same AES-GCM sealing as provisioned devices' SIP
 * passwords, bound to the trunk's name), keeps an in-memory copy for the call path, and tells its
 * listeners which trunk changed once the change is committed, so a registration follows at once.
 *
 * <p>Thread-safe: changes are serialized by one lock and followed by a reload published through a
 * volatile field; readers never lock.
 */
public final class TrunkService {
    private static final Logger log = LoggerFactory.getLogger(TrunkService.class);

    private final SipTrunkStore store;
    private final DeviceSecretCipher cipher;
    private final Clock clock;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final NamedRecords<SipTrunk> trunks;

    public TrunkService(SipTrunkStore store, DeviceSecretCipher cipher, Clock clock, EventBus events) {
        this.store = store;
        this.cipher = cipher;
        this.clock = clock;
        this.trunks = new NamedRecords<>("trunk", "trunk", SipTrunk::name, store::list, clock, events);
    }

    /** Calls {@code listener} with a trunk's name after each committed change of it (any thread). */
    public void onChange(Consumer<String> listener) {
        listeners.add(listener);
    }

    /** Every trunk by name, from memory. */
    public List<SipTrunk> list() {
        return trunks.list();
    }

    /** The trunk named {@code name}, from memory. */
    public Optional<SipTrunk> find(String name) {
        return trunks.find(name);
    }

    /** The trunk named {@code name}; {@link NotFoundException} when there is none. */
    public SipTrunk get(String name) {
        return trunks.get(name);
    }

    /** The trunk's password in clear, for answering the carrier's challenges; empty when it has none. */
    public Optional<String> password(SipTrunk trunk) {
        return trunk.values().sealedPassword().map(sealed -> cipher.open(owner(trunk.name()), sealed));
    }

    /** Saves a new trunk; {@code ConflictException("name")} when the name is taken. */
    public SipTrunk create(TrunkInput input, String actor) {
        return change(input.name(), Change.CREATED, actor,
                () -> store.create(stored(input, input.password()), clock.instant()));
    }

    /**
     * Replaces a trunk's values; a trunk keeps its name (outbound routes name it), so a body naming
     * another is refused on {@code name}. No password keeps the stored one.
     */
    public SipTrunk update(String name, TrunkInput input, String actor) {
        if (input.name() != null && !input.name().equals(name)) {
            throw new ValidationException("name", "cannot be changed (it is the trunk's key); create a new trunk");
        }
        SipTrunk current = get(name);
        return change(name, Change.UPDATED, actor, () -> {
            NewSipTrunk values = input.password().isPresent() || input.username().isEmpty()
                    ? stored(input, input.password())
                    : stored(input, password(current));
            return store.update(name, values, clock.instant());
        });
    }

    /** Deletes a trunk; {@link NotFoundException} when there is none. */
    public void delete(String name, String actor) {
        change(name, Change.DELETED, actor, () -> {
            store.delete(name);
            return null;
        });
    }

    /** Loads the in-memory copy from the database (at start, and after another node's change). */
    public void reloadCache() {
        trunks.reload();
    }

    /** Makes the change, then tells the listeners (outside the lock: they start registrations). */
    private SipTrunk change(String name, Change change, String actor, Supplier<SipTrunk> write) {
        SipTrunk saved = trunks.change(name, change, actor, write);
        for (Consumer<String> listener : listeners) {
            try {
                listener.accept(name);
            } catch (RuntimeException e) {
                // The change is committed; a listener's failure must not turn it into an error for the caller.
                log.warn("trunk change not followed name={} reason={}", name, e.toString());
            }
        }
        return saved;
    }

    private NewSipTrunk stored(TrunkInput in, Optional<String> password) {
        password.ifPresent(p -> {
            if (p.length() > 256) {
                throw new ValidationException("password", "must be at most 256 characters");
            }
        });
        // Validated first without the password, so a bad name is reported before it is used as the seal's owner.
        NewSipTrunk checked = values(in, Optional.empty());
        return values(in, password.filter(p -> !p.isEmpty()).map(p -> cipher.seal(owner(checked.name()), p)));
    }

    private static NewSipTrunk values(TrunkInput in, Optional<String> sealed) {
        return new NewSipTrunk(in.name(), in.host(), in.port(), in.transport(), in.outboundProxy(), in.username(),
                sealed, in.register(), in.registerExpiry(), in.optionsInterval(), in.optionsMisses(), in.codecs(),
                in.maxChannels(), in.callerIdRules(), in.inboundAddresses(), in.enabled());
    }

    /** The associated data of a trunk's sealed password: a value copied to another trunk's row does not open. */
    private static String owner(String trunkName) {
        return "trunk:" + trunkName;
    }
}
