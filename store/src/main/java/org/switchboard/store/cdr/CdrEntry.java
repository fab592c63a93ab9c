package org.switchboard.store.cdr;

import org.switchboard.store.db.Fields;

/**
 * One write of a call's CDR row: the call as known now, and whether it is still up ({@link
 * CdrStatus#OPEN}, written at the answer and by each heartbeat) or ended ({@link
 * CdrStatus#COMPLETE}). A complete entry always replaces the row; an open one never replaces a
 * complete row, so a heartbeat that races the end of its call cannot reopen it. Immutable.
 */
public record CdrEntry(CallRecord call, CdrStatus status) {
    public CdrEntry {
        Fields.check(call != null, "call", "is required");
        Fields.check(status == CdrStatus.OPEN || status == CdrStatus.COMPLETE, "status", "must be open or complete");
    }

    /** The row of an answered call that is up; {@code call.endedAt()} is the time it was last known up. */
    public static CdrEntry open(CallRecord call) {
        return new CdrEntry(call, CdrStatus.OPEN);
    }

    /** The row of a call that ended. */
    public static CdrEntry complete(CallRecord call) {
        return new CdrEntry(call, CdrStatus.COMPLETE);
    }

    /** The coalescing key of the write-behind queue: one row per call. */
    public String callId() {
        return call.callId();
    }
}
