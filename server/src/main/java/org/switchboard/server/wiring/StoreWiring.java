package org.switchboard.server.wiring;

import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.store.admin.JdbiAdminTokenStore;
import org.switchboard.store.admin.JdbiAdminUserStore;
import org.switchboard.store.db.Database;
import org.switchboard.store.extension.JdbiExtensionStore;

/**
 * Opens the configured database (which applies pending migrations) and builds the stores on it.
 * Called once per process by the start-up thread or a CLI command.
 */
public final class StoreWiring {
    private StoreWiring() {}

    /** Opens and migrates; {@code UnavailableException} when the database cannot be reached. */
    public static Stores open(SwitchboardConfig.Database config) {
        Database database = Database.open(config.settings());
        return new Stores(database, new JdbiExtensionStore(database), new JdbiAdminUserStore(database),
                new JdbiAdminTokenStore(database));
    }
}
