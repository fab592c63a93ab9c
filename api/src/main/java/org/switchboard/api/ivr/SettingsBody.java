package org.switchboard.api.ivr;

import java.time.Duration;
import java.util.Optional;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.ivr.AttendantSettings;

/** Body of {@code PUT /api/ivr/settings} and its answer: the whole settings. */
public record SettingsBody(String defaultMenu, Boolean directDialEnabled, Integer directDialTimeoutMs) {

    AttendantSettings toSettings() {
        if (directDialEnabled == null) {
            throw new ValidationException("direct_dial_enabled", "is required");
        }
        if (directDialTimeoutMs == null) {
            throw new ValidationException("direct_dial_timeout_ms", "is required");
        }
        return new AttendantSettings(Optional.ofNullable(defaultMenu), directDialEnabled, Duration.ofMillis(directDialTimeoutMs));
    }

    static SettingsBody of(AttendantSettings s) {
        return new SettingsBody(s.defaultMenu().orElse(null), s.directDialEnabled(), (int) s.directDialTimeout().toMillis());
    }
}
