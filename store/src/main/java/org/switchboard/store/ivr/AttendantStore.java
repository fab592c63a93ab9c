package org.switchboard.store.ivr;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The attendant's menus, their options and its settings, written through: each method is one
 * transaction (a menu and its options together), committed when it returns. Thread-safe; never
 * call from an event loop or a call thread. Every method may throw {@link
 * org.switchboard.store.db.UnavailableException}.
 */
public interface AttendantStore {

    /** Every menu with its options, by name. */
    List<Menu> menus();

    /** The menu called {@code name}. */
    Optional<Menu> menu(String name);

    /** Stores a new menu; {@code ConflictException} on {@code name} when one has that name. */
    Menu create(NewMenu menu, Instant now);

    /**
     * Replaces the menu called {@code name} (its options too); {@code NotFoundException} when there
     * is none.
     */
    Menu update(String name, NewMenu menu, Instant now);

    /** Removes the menu called {@code name} and its options; {@code NotFoundException} when there is none. */
    void delete(String name);

    /** The stored settings, or {@link AttendantSettings#DEFAULTS} when none were saved. */
    AttendantSettings settings();

    /** Stores the settings. */
    AttendantSettings saveSettings(AttendantSettings settings, Instant now);
}
