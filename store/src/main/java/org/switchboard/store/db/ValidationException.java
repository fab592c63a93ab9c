package org.switchboard.store.db;

/** Input that breaks a rule of the domain; {@link #field()} names what the user must correct (HTTP 400). */
public final class ValidationException extends RuntimeException {
    private final String field;

    public ValidationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
