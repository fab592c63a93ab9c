package org.switchboard.store.admin;

import java.util.Arrays;
import java.util.Locale;
import org.switchboard.store.db.ValidationException;

/**
 * What an admin account may do (docs/security.md, "Roles"): an administrator everything, an
 * operator everything but the accounts and the security settings, a read-only account nothing but
 * reading. {@link #wireName()} is the spelling in the API, the database and the config file.
 */
public enum AdminRole {
    ADMINISTRATOR,
    OPERATOR,
    READ_ONLY;

    /** The less powerful of this role and {@code other} (the constants are declared most powerful first). */
    public AdminRole narrowedTo(AdminRole other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** {@code administrator}, {@code operator} or {@code read_only}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code name}; {@link ValidationException} on {@code field} for anything else. */
    public static AdminRole fromWire(String name, String field) {
        return Arrays.stream(values())
                .filter(r -> r.wireName().equals(name))
                .findFirst()
                .orElseThrow(() -> new ValidationException(field, "must be one of administrator, operator, read_only"));
    }
}
