package org.switchboard.store.db;

import org.jdbi.v3.core.Handle;

/**
 * Work done with a {@link Handle} inside one transaction, returning a result. Runs on the
 * thread that called {@link Database#write} or {@link Database#read}.
 */
@FunctionalInterface
public interface HandleWork<T> {
    T apply(Handle handle);
}
