package org.switchboard.pbx.fraud;

import java.util.concurrent.atomic.AtomicLong;
import org.switchboard.store.db.BatchWriter;
import org.switchboard.store.db.Database;
import org.switchboard.store.fraud.FraudEvent;
import org.switchboard.store.fraud.JdbiFraudEventStore;

/**
 * Stores fraud events behind the call: {@link #record} queues (never blocks, so the call thread
 * may call it) and a write-behind flusher inserts them in batches. Thread-safe.
 */
public final class FraudEventLog implements AutoCloseable {
    private final AtomicLong sequence = new AtomicLong();
    private final BatchWriter<FraudEvent> writer;

    public FraudEventLog(Database database, JdbiFraudEventStore store) {
        // Events have no key of their own: each is queued under a number of its own, never coalesced.
        // A flood of refusals beyond the queue drops the oldest events rather than waiting.
        this.writer = new BatchWriter<>("fraud_events", database, BatchWriter.Settings.defaults(BatchWriter.Overflow.DROP_OLDEST),
                e -> sequence.incrementAndGet(), store.batchSink());
    }

    public void record(FraudEvent event) {
        writer.submit(event);
    }

    @Override
    public void close() {
        writer.close();
    }
}
