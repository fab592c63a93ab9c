package org.switchboard.store.fraud;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.switchboard.store.db.ValidationException;

/**
 * How far a number reaches, and, as an extension's permission, the farthest class it may call: the
 * classes are a ladder, each permission allowing its own class and every one before it ({@code
 * national} allows local and national numbers). {@code INTERNAL} numbers are never sent to a trunk:
 * an extension with that permission cannot call out at all.
 */
public enum OutboundClass {
    INTERNAL, LOCAL, NATIONAL, INTERNATIONAL, PREMIUM;

    /** Whether an extension with this permission may call a number of class {@code number}. */
    public boolean allows(OutboundClass number) {
        return number.ordinal() <= ordinal();
    }

    /** The name in the API and the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The class called {@code text}; {@link ValidationException} naming {@code field} otherwise. */
    public static OutboundClass of(String text, String field) {
        for (OutboundClass c : values()) {
            if (c.wireName().equals(text)) {
                return c;
            }
        }
        throw new ValidationException(field, "must be one of " + Arrays.stream(values()).map(OutboundClass::wireName)
                .collect(Collectors.joining(", ")));
    }
}
