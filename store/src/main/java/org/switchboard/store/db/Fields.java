package org.switchboard.store.db;

/** Validation shorthand for record constructors: the first broken rule becomes a {@link ValidationException}. */
public final class Fields {
    private Fields() {}

    public static void check(boolean valid, String field, String message) {
        if (!valid) {
            throw new ValidationException(field, message);
        }
    }

    public static String required(String value, String field) {
        check(value != null && !value.isBlank(), field, "is required");
        return value.strip();
    }
}
