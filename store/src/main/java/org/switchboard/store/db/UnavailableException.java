package org.switchboard.store.db;

/** The database cannot be reached; nothing was changed (HTTP 503). */
public final class UnavailableException extends RuntimeException {
    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
