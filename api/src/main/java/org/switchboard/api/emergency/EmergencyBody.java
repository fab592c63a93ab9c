package org.switchboard.api.emergency;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.emergency.EmergencySettings;

/**
 * Request body of {@code PUT /api/emergency}: {@code numbers} and {@code trunks} required,
 * {@code callback_number} and {@code notify} ({@code emails}, {@code extension}) optional.
 */
public record EmergencyBody(List<String> numbers, List<String> trunks, String callbackNumber, @JsonProperty("notify") Notify notice) {

    /** Whom to tell when an emergency call starts. */
    public record Notify(List<String> emails, String extension) {}

    EmergencySettings toSettings() {
        if (numbers == null) {
            throw new ValidationException("numbers", "is required: the emergency numbers, e.g. [\"911\"]");
        }
        if (trunks == null) {
            throw new ValidationException("trunks", "is required: the trunks emergency calls go out through");
        }
        Notify who = notice == null ? new Notify(List.of(), null) : notice;
        return new EmergencySettings(numbers, trunks, Optional.ofNullable(callbackNumber),
                who.emails() == null ? List.of() : who.emails(), Optional.ofNullable(who.extension()));
    }
}
