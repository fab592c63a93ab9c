package org.switchboard.api.emergency;

import java.time.Instant;
import org.switchboard.store.emergency.EmergencyLocation;

/** Response body of an extension's location: the extension, its civic address and when it was last saved. */
public record LocationView(String extension, CivicBody civic, Instant updatedAt) {

    static LocationView of(EmergencyLocation location) {
        return new LocationView(location.extension(), CivicBody.of(location.civic()), location.updatedAt());
    }
}
