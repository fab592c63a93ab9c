package org.switchboard.pbx.phonebook;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.Change;
import org.switchboard.pbx.event.PbxEvent.ConfigChanged;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.phonebook.Contact;
import org.switchboard.store.phonebook.NewContact;
import org.switchboard.store.phonebook.PhoneBookStore;

/**
 * The single entry point for the company phone book (API, provisioning's directories, caller
 * names): writes through, and keeps the contacts and a {@link CallerDirectory} in memory, which
 * calls read on their executors ({@link #nameOf}).
 *
 * <p>Thread-safe: changes are serialized by one lock, each followed by a reload from the database
 * published through volatile fields that readers read without locking. The changing methods
 * block: never call them on an event loop or a call thread.
 */
public final class PhoneBookService {
    private static final Logger log = LoggerFactory.getLogger(PhoneBookService.class);

    private final PhoneBookStore store;
    private final Clock clock;
    private final EventBus events;
    private final Lock changes = new ReentrantLock();
    private volatile List<Contact> contacts = List.of();
    private volatile CallerDirectory directory = CallerDirectory.EMPTY;

    public PhoneBookService(PhoneBookStore store, Clock clock, EventBus events) {
        this.store = store;
        this.clock = clock;
        this.events = events;
    }

    /** Every contact in phone-book order (last name, first name, company), from memory. */
    public List<Contact> list() {
        return contacts;
    }

    /** Contact {@code id}; {@link NotFoundException} when there is none. */
    public Contact get(long id) {
        return contacts.stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("contact", Long.toString(id)));
    }

    /** The name of the contact a caller's number belongs to (see {@link CallerDirectory}); memory only. */
    public Optional<String> nameOf(String number) {
        return directory.nameOf(number);
    }

    public Contact create(NewContact contact, String actor) {
        return changing(() -> store.create(contact, clock.instant()), c -> Long.toString(c.id()), Change.CREATED, actor);
    }

    public Contact update(long id, NewContact contact, String actor) {
        return changing(() -> store.update(id, contact, clock.instant()), c -> Long.toString(c.id()), Change.UPDATED, actor);
    }

    public void delete(long id, String actor) {
        changing(() -> {
            store.delete(id);
            return id;
        }, deleted -> Long.toString(deleted), Change.DELETED, actor);
    }

    /** Adds {@code imported} (all or none), replacing the whole book when {@code replace}; returns how many. */
    public int importAll(List<NewContact> imported, boolean replace, String actor) {
        // An import changes the book as a whole: its key is "*", not one contact's id.
        return changing(() -> store.importAll(imported, replace, clock.instant()), added -> "*", Change.UPDATED, actor);
    }

    /** Loads the book from the database: at start and after each change. */
    public void reloadCache() {
        changes.lock();
        try {
            List<Contact> fresh = store.list();
            contacts = fresh;
            directory = new CallerDirectory(fresh);
        } finally {
            changes.unlock();
        }
    }

    /** Runs {@code change} under the lock, then reloads and tells subscribers about contact {@code key}. */
    private <T> T changing(Supplier<T> change, Function<T, String> key, Change kind, String actor) {
        changes.lock();
        try {
            T result = change.get();
            reloadCache();
            events.publish(new ConfigChanged(clock.instant(), "phone_book", key.apply(result), kind));
            log.info("phone book changed contact={} change={} by={}", key.apply(result), kind, actor);
            return result;
        } finally {
            changes.unlock();
        }
    }
}
