package org.switchboard.store.db;

import org.jdbi.v3.core.Handle;

/**
 * Work done with a {@link Handle} inside one write transaction, with no result. Runs on the
 * thread that called {@link Database#execute}.
 */
@FunctionalInterface
public interface HandleAction {
    void accept(Handle handle);
}
