package org.switchboard.store.sipban;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Objects;
import org.switchboard.store.db.Fields;

/**
 * What a ban needs: the source address, why, how many failures, until when. Validated on
 * construction ({@link org.switchboard.store.db.ValidationException} naming the field).
 */
public record NewSipBan(InetAddress address, String reason, int failures, Instant expiresAt) {
    public NewSipBan {
        Objects.requireNonNull(address, "address");
        Fields.check(reason != null && !reason.isBlank() && reason.length() <= 200, "reason", "must be 1 to 200 characters");
        Fields.check(failures >= 0, "failures", "must not be negative");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The address as stored. */
    public String addressText() {
        return address.getHostAddress();
    }
}
