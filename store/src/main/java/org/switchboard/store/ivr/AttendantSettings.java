package org.switchboard.store.ivr;

import java.time.Duration;
import java.util.Optional;
import org.switchboard.store.db.Fields;

/**
 * The node's attendant settings (V121, one row). Immutable.
 *
 * @param defaultMenu the menu a call gets when the menu its rule names no longer exists
 * @param directDialEnabled whether a first key that begins an extension number dials that extension
 * @param directDialTimeout the pause between keys that ends a directly dialled number
 */
public record AttendantSettings(Optional<String> defaultMenu, boolean directDialEnabled, Duration directDialTimeout) {
    /** What a node without a stored row uses. */
    public static final AttendantSettings DEFAULTS = new AttendantSettings(Optional.empty(), true, Duration.ofSeconds(3));

    public AttendantSettings {
        defaultMenu = defaultMenu.map(String::strip).filter(m -> !m.isEmpty());
        Fields.check(defaultMenu.map(m -> m.length() <= 64).orElse(true), "default_menu", "must be at most 64 characters");
        long millis = directDialTimeout.toMillis();
        Fields.check(millis >= 500 && millis <= 30_000, "direct_dial_timeout_ms", "must be 500 to 30000");
    }
}
