package org.switchboard.store.moh;

import java.util.Locale;
import org.switchboard.store.db.ValidationException;

/** How a music-on-hold class plays its files: in their stored order, or shuffled each time the class loads. */
public enum PlayOrder {
    SEQUENTIAL,
    RANDOM;

    /** The stored and JSON spelling ({@code sequential}, {@code random}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The order named {@code key}; {@link ValidationException} on {@code field} for anything else. */
    public static PlayOrder of(String key, String field) {
        for (PlayOrder order : values()) {
            if (order.key().equals(key)) {
                return order;
            }
        }
        throw new ValidationException(field, "must be 'sequential' or 'random'");
    }
}
