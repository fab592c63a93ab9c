package org.switchboard.pbx.cdr;

import java.util.List;
import java.util.Optional;
import org.switchboard.store.cdr.Cdr;
import org.switchboard.store.cdr.CdrFilter;
import org.switchboard.store.cdr.CdrPage;
import org.switchboard.store.cdr.CdrPosition;
import org.switchboard.store.cdr.CdrStore;
import org.switchboard.store.cdr.QosMetric;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * Reading stored CDRs for the API and the CLI: filtered pages with a total, and a CSV export of
 * everything a filter matches, read in chunks so memory stays flat however many calls match.
 * Stateless and thread-safe; call from request or virtual threads, never an event loop.
 */
public final class CdrService {
    /** Most CDRs one page may hold. */
    public static final int MAX_LIMIT = 500;
    private static final int EXPORT_CHUNK = 1_000;

    private final CdrStore store;

    public CdrService(CdrStore store) {
        this.store = store;
    }

    /**
     * CDRs matching {@code filter}, newest first; {@link ValidationException} on "limit" (1 to
     * {@value #MAX_LIMIT}) or "offset" (not negative).
     */
    /** How the legs of ended call {@code callId} sounded; empty when nothing was stored. */
    public List<QosMetric> quality(String callId) {
        return store.quality(callId);
    }

    public CdrPage page(CdrFilter filter, int limit, long offset) {
        Fields.check(limit >= 1 && limit <= MAX_LIMIT, "limit", "must be between 1 and " + MAX_LIMIT);
        Fields.check(offset >= 0, "offset", "must not be negative");
        return store.page(filter, limit, offset);
    }

    /** Writes every CDR matching {@code filter} to {@code out} as CSV, newest first; returns how many. */
    public long exportCsv(CdrFilter filter, Appendable out) {
        long rows = 0;
        try (CdrCsv csv = new CdrCsv(out)) {
            Optional<CdrPosition> after = Optional.empty();
            List<Cdr> chunk;
            do {
                chunk = store.after(filter, after, EXPORT_CHUNK);
                chunk.forEach(csv::write);
                rows += chunk.size();
                after = chunk.isEmpty() ? after : Optional.of(CdrPosition.of(chunk.getLast()));
            } while (chunk.size() == EXPORT_CHUNK);
        }
        return rows;
    }
}
