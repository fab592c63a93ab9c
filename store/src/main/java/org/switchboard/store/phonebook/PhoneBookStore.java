package org.switchboard.store.phonebook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The phone book, written through: each method is one transaction, committed when it returns.
 * Thread-safe; never call from an event loop or a call thread. Every method may throw {@link
 * org.switchboard.store.db.UnavailableException}.
 */
public interface PhoneBookStore {

    /** Every contact, by last name, first name, company. */
    List<Contact> list();

    Optional<Contact> find(long id);

    Contact create(NewContact contact, Instant now);

    /** Replaces contact {@code id}; {@code NotFoundException} when there is none. */
    Contact update(long id, NewContact contact, Instant now);

    /** Removes contact {@code id}; {@code NotFoundException} when there is none. */
    void delete(long id);

    /**
     * Adds {@code contacts} in one transaction (an import: all of them or none), after removing
     * every stored contact first when {@code replace}; returns how many were added.
     */
    int importAll(List<NewContact> contacts, boolean replace, Instant now);
}
