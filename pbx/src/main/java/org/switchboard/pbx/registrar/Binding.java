package org.switchboard.pbx.registrar;

import java.time.Instant;
import java.util.Optional;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.transport.Flow;

/**
 * One registered contact of an extension (RFC 3261 §10: a binding of the address-of-record to a
 * contact) and the flow to reach the phone there: a request for the phone goes over {@code
 * flow.transport()} to {@code flow.remote()}, the address the REGISTER really came from (NAT:
 * Via received/rport, RFC 3581), not the possibly private address in the contact. Immutable.
 *
 * @param contactKey the contact URI as the phone wrote it; identifies the binding
 * @param instanceId the Contact's {@code +sip.instance} (RFC 5626), if sent
 */
public record Binding(
        String extension,
        SipUri contact,
        String contactKey,
        Optional<String> instanceId,
        Flow flow,
        String callId,
        long cseq,
        String userAgent,
        Instant expiresAt,
        Instant registeredAt,
        Instant updatedAt) {

    /** Whether the binding has expired at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /** Seconds left at {@code now}, rounded up so a live binding never shows 0. */
    public long remainingSeconds(Instant now) {
        long millis = expiresAt.toEpochMilli() - now.toEpochMilli();
        return millis <= 0 ? 0 : (millis + 999) / 1000;
    }
}
