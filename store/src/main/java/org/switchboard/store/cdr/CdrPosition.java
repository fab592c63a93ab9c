package org.switchboard.store.cdr;

import java.time.Instant;

/**
 * A place in the newest-first order of CDRs (start time, then id), for reading a large result in
 * chunks without offsets, which would skip or repeat rows while new calls are being written.
 * Immutable.
 */
public record CdrPosition(Instant startedAt, long id) {
    /** The position of {@code cdr}: the next chunk starts right after it. */
    public static CdrPosition of(Cdr cdr) {
        return new CdrPosition(cdr.startedAt(), cdr.id());
    }
}
