package org.switchboard.store.cdr;

import java.time.Duration;
import java.time.Instant;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * What call control reports when a call ends: the facts of one call, from which the stored row's
 * durations are derived. Validates on construction ({@link ValidationException} naming the
 * field). {@code answeredAt} is null unless the disposition is {@link Disposition#ANSWERED};
 * {@code codec}, {@code callerAddress} and {@code calleeAddress} may be null (a call that failed
 * before media was negotiated has none). Immutable.
 *
 * @param callId        the caller leg's Call-ID (RFC 3261 §8.1.1.4); one record per call
 * @param caller        who called: an extension number or the external caller's user part
 * @param callee        what was dialled, or the extension it was routed to
 * @param callerAddress the caller leg's remote transport address, {@code host:port}
 * @param calleeAddress the callee leg's remote transport address, {@code host:port}
 * @param callerAuthUser the digest user name the caller authenticated with (the extension number or a
 *     provisioned device's own); null when none
 */
public record CallRecord(
        String callId,
        String caller,
        String callee,
        Instant startedAt,
        Instant answeredAt,
        Instant endedAt,
        Disposition disposition,
        String hangupCause,
        String codec,
        String callerAddress,
        String calleeAddress,
        String callerAuthUser) {

    public CallRecord {
        callId = Fields.required(callId, "call_id");
        Fields.check(callId.length() <= 256, "call_id", "must be at most 256 characters");
        caller = Fields.required(caller, "caller");
        Fields.check(caller.length() <= 128, "caller", "must be at most 128 characters");
        callee = Fields.required(callee, "callee");
        Fields.check(callee.length() <= 128, "callee", "must be at most 128 characters");
        Fields.check(startedAt != null, "started_at", "is required");
        Fields.check(endedAt != null && !endedAt.isBefore(startedAt), "ended_at", "must not be before started_at");
        Fields.check(disposition != null, "disposition", "is required");
        Fields.check((disposition == Disposition.ANSWERED) == (answeredAt != null), "answered_at",
                "must be set exactly when the disposition is ANSWERED");
        Fields.check(answeredAt == null || !answeredAt.isBefore(startedAt) && !answeredAt.isAfter(endedAt),
                "answered_at", "must lie between started_at and ended_at");
        hangupCause = Fields.required(hangupCause, "hangup_cause");
        Fields.check(hangupCause.length() <= 128, "hangup_cause", "must be at most 128 characters");
        codec = optional(codec, "codec", 64);
        callerAddress = optional(callerAddress, "caller_address", 64);
        calleeAddress = optional(calleeAddress, "callee_address", 64);
        callerAuthUser = optional(callerAuthUser, "caller_auth_user", 64);
    }

    /** This answered call as still up at {@code now}: the same facts with {@code endedAt} moved to now (a heartbeat). */
    public CallRecord upAt(Instant now) {
        return new CallRecord(callId, caller, callee, startedAt, answeredAt, now, disposition, hangupCause, codec,
                callerAddress, calleeAddress, callerAuthUser);
    }

    /** Whole seconds from start to end, rounded up: a 0.3 s call lasted 1 second. */
    public long durationSeconds() {
        return roundUpSeconds(Duration.between(startedAt, endedAt));
    }

    /** Whole seconds from answer to end, rounded up (per-second billing); 0 when not answered. */
    public long billableSeconds() {
        return answeredAt == null ? 0 : roundUpSeconds(Duration.between(answeredAt, endedAt));
    }

    private static long roundUpSeconds(Duration d) {
        return (d.toMillis() + 999) / 1000;
    }

    private static String optional(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        Fields.check(v.length() <= max, field, "must be at most " + max + " characters");
        return v;
    }
}
