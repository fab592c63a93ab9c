package org.switchboard.store.cdr;

import java.util.Locale;
import java.util.Optional;

/**
 * How a call ended, in the words CDR tools use: the stored and exported value is {@link #label()}
 * ({@code NO ANSWER} has a space). Immutable.
 */
public enum Disposition {
    /** The callee answered (a 2xx reached the caller); only these calls have billable time. */
    ANSWERED("ANSWERED"),
    /** Nobody answered before the ring timeout or the callee's 480/408. */
    NO_ANSWER("NO ANSWER"),
    /** The callee answered 486 Busy Here or 600 Busy Everywhere. */
    BUSY("BUSY"),
    /** The call could not be set up (no route, an error response, a transport failure). */
    FAILED("FAILED"),
    /** The caller gave up before an answer (CANCEL, RFC 3261 §9). */
    CANCELLED("CANCELLED");

    private final String label;

    Disposition(String label) {
        this.label = label;
    }

    /** The stored value: {@code ANSWERED}, {@code NO ANSWER}, {@code BUSY}, {@code FAILED}, {@code CANCELLED}. */
    public String label() {
        return label;
    }

    /** Parses a label or constant name, case-insensitively ({@code no answer}, {@code NO_ANSWER}); empty if unknown. */
    public static Optional<Disposition> parse(String text) {
        String wanted = text.strip().toUpperCase(Locale.ROOT).replace('_', ' ');
        for (Disposition d : values()) {
            if (d.label.equals(wanted)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
