package org.switchboard.store.cdr;

import java.util.Optional;

/** Where a CDR row stands; the stored value is {@link #label()}. Immutable. */
public enum CdrStatus {
    /** The call was answered and is up (as of {@code ended_at}, its last heartbeat). */
    OPEN("open"),
    /** The call ended and call control reported how. */
    COMPLETE("complete"),
    /** The node stopped (crash, SIGKILL, power loss) with the call up; {@code ended_at} is the last time it was known up. */
    INTERRUPTED("interrupted");

    private final String label;

    CdrStatus(String label) {
        this.label = label;
    }

    /** The stored value: {@code open}, {@code complete}, {@code interrupted}. */
    public String label() {
        return label;
    }

    /** The status of a stored label; empty if unknown. */
    public static Optional<CdrStatus> parse(String text) {
        for (CdrStatus s : values()) {
            if (s.label.equals(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
