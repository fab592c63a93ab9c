package org.switchboard.store.cdr;

import java.time.Instant;

/**
 * A stored call detail record as read from the database: the {@link CallRecord} call control
 * reported plus the row id, the derived durations and where the row stands ({@link CdrStatus}: an
 * open row is a call in progress whose {@code endedAt} is the last time it was known up). Nullable
 * fields as in {@link CallRecord}. Immutable.
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
        CdrStatus status,
        String callerAuthUser) {}
