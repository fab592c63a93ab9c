package org.switchboard.api.provisioning;

import java.time.Instant;
import org.switchboard.store.provisioning.RegisteredPhone;

/**
 * A phone seen registering, as the API shows it. Immutable, any thread.
 *
 * @param authUser the digest user name it last registered with: the extension number, or a provisioned
 *     device's own user name (which device it was)
 */
public record RegisteredPhoneView(String macAddress, String extensionNumber, String ipAddress, String userAgent,
                                  String contactUri, String authUser, Instant firstRegisteredAt,
                                  Instant lastRegisteredAt) {

    static RegisteredPhoneView of(RegisteredPhone p) {
        return new RegisteredPhoneView(p.macAddress(), p.extensionNumber(), p.ipAddress(), p.userAgent(),
                p.contactUri(), p.authUser(), p.firstRegisteredAt(), p.lastRegisteredAt());
    }
}
