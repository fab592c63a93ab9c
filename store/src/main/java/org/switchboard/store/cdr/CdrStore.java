package org.switchboard.store.cdr;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.switchboard.store.db.BatchSink;
import org.switchboard.store.db.BatchWriter;
import org.switchboard.store.db.UnavailableException;

/**
 * Call detail records in the database. Written behind through a {@link BatchWriter} fed by the
 * CDR recorder (persistence.md): the sink is an upsert keyed by Call-ID, so a replayed batch is
 * harmless. Thread-safe; call from worker or virtual threads, never an event loop. Every method
 * may throw {@link UnavailableException} when the database cannot be reached.
 */
public interface CdrStore {

    /** Writes a batch of ended calls inside the writer's transaction; coalesce with {@link CallRecord#callId()}. */
    BatchSink<CallRecord> batchSink();

    /**
     * Writes a batch of open (answered, still up) and complete rows inside the writer's
     * transaction; coalesce with {@link CdrEntry#callId()}. An open entry never reopens a complete row.
     */
    BatchSink<CdrEntry> entrySink();

    /**
     * Marks {@link CdrStatus#INTERRUPTED} every open row last known up at or before {@code
     * lastKnownUpBefore} (its node stopped without ending the call), with {@code cause} as hangup
     * cause and the last known time kept as the end; returns how many.
     */
    int closeInterrupted(Instant lastKnownUpBefore, String cause);

    /** The CDR of this Call-ID, if written. */
    Optional<Cdr> findByCallId(String callId);

    /** CDRs matching {@code filter}, newest first (start time, then id), {@code limit} from {@code offset}, with the total. */
    CdrPage page(CdrFilter filter, int limit, long offset);

    /**
     * Up to {@code limit} CDRs matching {@code filter} that come after {@code after} in newest-first
     * order (from the newest when empty): for exports that read everything in chunks.
     */
    List<Cdr> after(CdrFilter filter, Optional<CdrPosition> after, int limit);

    /** Stores how the legs of an ended call sounded, replacing what was stored for the same call and role. */
    void saveQuality(List<QosMetric> legs);

    /** How the legs of call {@code callId} sounded, caller first; empty when nothing was stored. */
    List<QosMetric> quality(String callId);
}
