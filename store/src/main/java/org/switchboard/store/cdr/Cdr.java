package org.switchboard.store.cdr;

import java.time.Instant;

/**
 * A stored call detail record as read from the database: the {@link CallRecord} call control
 * reported plus the row id and the derived durations. Nullable fields as in {@link CallRecord}.
 * Immutable.
 */
public record Cdr(
        long id,
        String callId,
        String caller,
        String callee,
        Instant startedAt,
        Instant answeredAt,
        Instant endedAt,
        long durationSeconds,
        long billableSeconds,
        Disposition disposition,
        String hangupCause,
        String codec,
        String callerAddress,
        String calleeAddress,
        String callerAuthUser) {}
