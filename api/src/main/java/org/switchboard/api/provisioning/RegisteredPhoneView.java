package org.switchboard.api.provisioning;

import java.time.Instant;
import org.switchboard.store.provisioning.RegisteredPhone;

/** A phone seen registering, as the API shows it. Immutable, any thread. */
public record RegisteredPhoneView(String macAddress, String extensionNumber, String ipAddress, String userAgent,
                                  String contactUri, Instant firstRegisteredAt, Instant lastRegisteredAt) {

    static RegisteredPhoneView of(RegisteredPhone p) {
        return new RegisteredPhoneView(p.macAddress(), p.extensionNumber(), p.ipAddress(), p.userAgent(),
                p.contactUri(), p.firstRegisteredAt(), p.lastRegisteredAt());
    }
}
