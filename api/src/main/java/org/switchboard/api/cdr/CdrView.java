package org.switchboard.api.cdr;

import java.time.Instant;
import org.switchboard.store.cdr.Cdr;

/**
 * Response body for one CDR; absent values (answer time, codec, addresses) are omitted. {@code
 * status}: {@code open} (a call in progress; {@code ended_at} is the last time it was known up),
 * {@code complete}, or {@code interrupted} (the server stopped with the call up).
 */
public record CdrView(
        String callId,
        String caller,
        String callee,
        Instant startedAt,
        Instant answeredAt,
        Instant endedAt,
        long durationSeconds,
        long billableSeconds,
        String disposition,
        String hangupCause,
        String codec,
        String callerAddress,
        String calleeAddress,
        String status,
        String callerAuthUser) {

    static CdrView of(Cdr c) {
        return new CdrView(c.callId(), c.caller(), c.callee(), c.startedAt(), c.answeredAt(), c.endedAt(),
                c.durationSeconds(), c.billableSeconds(), c.disposition().label(), c.hangupCause(), c.codec(),
                c.callerAddress(), c.calleeAddress(), c.status().label(), c.callerAuthUser());
    }
}
