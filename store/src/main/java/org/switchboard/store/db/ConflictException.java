package org.switchboard.store.db;

/** A change would break a uniqueness or reference rule; {@link #field()} names the clashing field (HTTP 409). */
public final class ConflictException extends RuntimeException {
    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
