package org.switchboard.store.registrar;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.switchboard.store.db.Fields;

/**
 * One binding as stored in {@code registrations}: who registered which contact, over which flow
 * (transport, the source address and port the REGISTER came from, the local socket it reached),
 * the Call-ID and CSeq that last changed it (RFC 3261 §10.3 step 7), and when it expires. Checks
 * the stored shape ({@link org.switchboard.store.db.ValidationException} naming the column).
 * Immutable.
 *
 * @param instanceId the Contact's {@code +sip.instance} (RFC 5626), if the phone sent one
 */
public record Registration(
        String extensionNumber,
        String contactUri,
        Optional<String> instanceId,
        String callId,
        long cseq,
        String transport,
        String sourceAddress,
        int sourcePort,
        String localAddress,
        int localPort,
        String userAgent,
        Instant expiresAt,
        Instant registeredAt,
        Instant updatedAt) {

    private static final Set<String> TRANSPORTS = Set.of("UDP", "TCP", "TLS");

    public Registration {
        extensionNumber = Fields.required(extensionNumber, "extension_number");
        contactUri = Fields.required(contactUri, "contact_uri");
        Fields.check(contactUri.length() <= 2048, "contact_uri", "must be at most 2048 characters");
        Objects.requireNonNull(instanceId, "instanceId");
        Fields.check(instanceId.map(i -> i.length() <= 256).orElse(true), "instance_id", "must be at most 256 characters");
        callId = Fields.required(callId, "call_id");
        Fields.check(callId.length() <= 256, "call_id", "must be at most 256 characters");
        Fields.check(cseq >= 0, "cseq", "must not be negative");
        Fields.check(transport != null && TRANSPORTS.contains(transport), "transport", "must be UDP, TCP or TLS");
        sourceAddress = Fields.required(sourceAddress, "source_address");
        Fields.check(sourceAddress.length() <= 45, "source_address", "must be at most 45 characters");
        Fields.check(sourcePort >= 1 && sourcePort <= 65535, "source_port", "must be between 1 and 65535");
        localAddress = Fields.required(localAddress, "local_address");
        Fields.check(localAddress.length() <= 45, "local_address", "must be at most 45 characters");
        Fields.check(localPort >= 1 && localPort <= 65535, "local_port", "must be between 1 and 65535");
        // A phone may send no User-Agent; the label is for people, so a long one is cut, not refused.
        userAgent = userAgent == null ? "" : userAgent.strip();
        if (userAgent.length() > 512) {
            userAgent = userAgent.substring(0, 512);
        }
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The row this binding is. */
    public RegistrationKey key() {
        return new RegistrationKey(extensionNumber, contactUri);
    }
}
