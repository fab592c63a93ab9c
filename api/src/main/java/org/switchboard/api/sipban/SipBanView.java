package org.switchboard.api.sipban;

import java.time.Instant;
import org.switchboard.store.sipban.SipBan;

/** Response body for one banned source. */
public record SipBanView(String address, String reason, int failures, Instant expiresAt, Instant createdAt,
        Instant updatedAt) {

    static SipBanView of(SipBan b) {
        return new SipBanView(b.address(), b.reason(), b.failures(), b.expiresAt(), b.createdAt(), b.updatedAt());
    }
}
