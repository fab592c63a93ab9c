package org.switchboard.store.db;

/**
 * The disk holding the database is full (SQLite {@code SQLITE_FULL}, PostgreSQL {@code 53100}): the
 * transaction was rolled back, nothing was changed (HTTP 507). It passes by itself when space
 * returns.
 */
public final class StorageFullException extends RuntimeException {
    public StorageFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
