package org.switchboard.store.cdr;

import java.time.Instant;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * Which CDRs a listing or export wants; every part is optional (null = no restriction) and the
 * parts combine with AND. Validates on construction ({@link ValidationException} naming the
 * query parameter). Immutable.
 *
 * @param extension   calls where this number is the caller or the callee
 * @param from        calls that started at or after this instant
 * @param to          calls that started before this instant (exclusive, so day ranges do not overlap)
 * @param disposition calls that ended this way
 */
public record CdrFilter(String extension, Instant from, Instant to, Disposition disposition) {
    /** No restriction: every CDR. */
    public static final CdrFilter ALL = new CdrFilter(null, null, null, null);

    public CdrFilter {
        if (extension != null) {
            extension = extension.strip();
            Fields.check(!extension.isEmpty() && extension.length() <= 128, "extension", "must be 1 to 128 characters");
        }
        Fields.check(from == null || to == null || from.isBefore(to), "to", "must be after from");
    }
}
