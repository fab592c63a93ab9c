package org.switchboard.api.emergency;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.switchboard.store.emergency.EmergencySettings;

/** Response body of {@code GET|PUT /api/emergency}. */
public record EmergencyView(List<String> numbers, List<String> trunks, String callbackNumber, @JsonProperty("notify") EmergencyBody.Notify notice) {

    static EmergencyView of(EmergencySettings s) {
        return new EmergencyView(s.numbers(), s.trunks(), s.callbackNumber().orElse(null),
                new EmergencyBody.Notify(s.notifyEmails(), s.notifyExtension().orElse(null)));
    }
}
