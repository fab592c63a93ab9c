package org.switchboard.store.pickup;

import java.time.Instant;
import java.util.List;

/** Where extensions' pickup groups are kept. Thread-safe; every method touches the database. */
public interface PickupGroupStore {

    /** Every extension in at least one group, by number. */
    List<ExtensionPickupGroups> all();

    /** Replaces {@code settings.extension()}'s groups (none: it leaves every group), in one transaction. */
    ExtensionPickupGroups save(ExtensionPickupGroups settings, Instant now);
}
