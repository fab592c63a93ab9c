package org.switchboard.store.sipban;

import java.time.Instant;

/**
 * A stored ban: every SIP message from {@code address} is dropped until {@code expiresAt}.
 * Immutable.
 *
 * @param address the banned source, as {@code InetAddress.getHostAddress()} prints it
 * @param failures the authentication failures that led to the ban
 */
public record SipBan(long id, String address, String reason, int failures, Instant expiresAt, Instant createdAt,
        Instant updatedAt) {

    /** Whether the ban still holds at {@code now}. */
    public boolean isActiveAt(Instant now) {
        return expiresAt.isAfter(now);
    }
}
