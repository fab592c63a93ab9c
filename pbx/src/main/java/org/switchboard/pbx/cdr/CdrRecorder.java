package org.switchboard.pbx.cdr;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.switchboard.store.cdr.CallRecord;
import org.switchboard.store.cdr.CdrStore;
import org.switchboard.store.db.BatchWriter;
import org.switchboard.store.db.Database;

/**
 * Where call control reports a call that ended: the record is queued and written behind in
 * batches (persistence.md, high-rate facts). A CDR is never dropped: a full queue hands the record
 * to a virtual thread that waits for room, and {@link #close()}, part of the SIGTERM sequence,
 * writes everything still waiting. {@link #record} never blocks, so a call's executor or any
 * other thread may call it.
 */
public final class CdrRecorder implements AutoCloseable {
    private static final String TYPE = "cdr";

    private final BatchWriter<CallRecord> writer;

    /**
     * @param settings queue and batch tuning; its overflow must be {@link BatchWriter.Overflow#WAIT}
     * @param registry where the queue's metrics go ({@code switchboard_write_behind_*{type="cdr"}})
     */
    public CdrRecorder(Database database, CdrStore store, BatchWriter.Settings settings, MeterRegistry registry) {
        if (settings.overflow() != BatchWriter.Overflow.WAIT) {
            throw new IllegalArgumentException("CDRs are never dropped: the writer's overflow must be WAIT");
        }
        this.writer = new BatchWriter<>(TYPE, database, settings, CallRecord::callId, store.batchSink());
        bindMetrics(registry);
    }

    /** Queues the record of an ended call; a second record with the same Call-ID replaces the first. */
    public void record(CallRecord call) {
        writer.submit(call);
    }

    /** The write-behind counters (queued, written, failures, overflowed). */
    public BatchWriter.Stats stats() {
        return writer.stats();
    }

    /** Stops accepting records and writes what is waiting, bounded by the settings' close timeout. */
    @Override
    public void close() {
        writer.close();
    }

    private void bindMetrics(MeterRegistry registry) {
        Gauge.builder("switchboard.write_behind.queue", writer, w -> w.stats().queued())
                .description("items waiting to be written").tag("type", TYPE).register(registry);
        FunctionCounter.builder("switchboard.write_behind.written", writer, w -> w.stats().written())
                .description("items committed").tag("type", TYPE).register(registry);
        FunctionCounter.builder("switchboard.write_behind.failures", writer, w -> w.stats().failures())
                .description("failed batch attempts, each retried").tag("type", TYPE).register(registry);
        FunctionCounter.builder("switchboard.write_behind.overflow", writer, w -> w.stats().overflowed())
                .description("items that found the queue full and waited for room").tag("type", TYPE).register(registry);
    }
}
