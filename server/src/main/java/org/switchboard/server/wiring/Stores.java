package org.switchboard.server.wiring;

import org.switchboard.store.admin.AdminTokenStore;
import org.switchboard.store.admin.AdminUserStore;
import org.switchboard.store.db.Database;
import org.switchboard.store.extension.ExtensionStore;

/**
 * The open database and every store built on it; closing it closes the pool. Immutable holder;
 * the stores are thread-safe.
 */
public record Stores(Database database, ExtensionStore extensions, AdminUserStore adminUsers, AdminTokenStore adminTokens)
        implements AutoCloseable {

    @Override
    public void close() {
        database.close();
    }
}
