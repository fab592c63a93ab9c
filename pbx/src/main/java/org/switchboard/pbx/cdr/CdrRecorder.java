package org.switchboard.pbx.cdr;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.store.cdr.CallRecord;
import org.switchboard.store.cdr.CdrEntry;
import org.switchboard.store.cdr.CdrStore;
import org.switchboard.store.cdr.QosMetric;
import org.switchboard.store.db.BatchWriter;
import org.switchboard.store.db.Database;

/**
 * Where call control reports calls: an answered call's row is written when it is answered (status
 * open), moved forward by a {@link #heartbeat} every {@link #HEARTBEAT} while it is up, and
 * completed when the call ends; rows a crash left open are closed by {@link #closeInterrupted}.
 * Every write goes through one write-behind queue coalesced by Call-ID (persistence.md, high-rate
 * facts), so the write-behind window applies to each: at most {@code maxDelay} plus a commit. A
 * CDR is never dropped: a full queue hands the record to a virtual thread that waits for room, and
 * {@link #close()}, part of the SIGTERM sequence, writes everything still waiting.
 *
 * <p>Thread-safe: {@link #answered}, {@link #record} and {@link #heartbeat} never block (the
 * calls-up map is guarded by its own lock, held only to queue), so a call's executor may call them.
 */
public final class CdrRecorder implements AutoCloseable {
    /** How often the rows of calls in progress are moved forward: the most a crash can take off their end time. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(10);
    /** An open row whose heartbeat is this old belongs to a node that stopped: it is closed as interrupted. */
    public static final Duration STALE_AFTER = HEARTBEAT.multipliedBy(3);
    /** The hangup cause of an open row: the call is up. */
    public static final String IN_PROGRESS = "in progress";
    /** The hangup cause of a row closed as interrupted. */
    public static final String INTERRUPTED = "interrupted: the server stopped with the call up";

    private static final Logger log = LoggerFactory.getLogger(CdrRecorder.class);
    private static final String TYPE = "cdr";

    private final BatchWriter<CdrEntry> writer;
    private final CdrStore store;
    private final DistributionSummary mos;
    private final DistributionSummary lossPercent;
    // Answered calls that are up, by Call-ID: what the heartbeat writes. Guarded by itself.
    private final Map<String, CallRecord> up = new HashMap<>();

    /**
     * @param settings queue and batch tuning; its overflow must be {@link BatchWriter.Overflow#WAIT}
     * @param registry where the queue's metrics go ({@code switchboard_write_behind_*{name="cdr"}})
     */
    public CdrRecorder(Database database, CdrStore store, BatchWriter.Settings settings, MeterRegistry registry) {
        if (settings.overflow() != BatchWriter.Overflow.WAIT) {
            throw new IllegalArgumentException("CDRs are never dropped: the writer's overflow must be WAIT");
        }
        this.store = store;
        this.writer = new BatchWriter<>(TYPE, database, settings, CdrEntry::callId, store.entrySink());
        writer.bindMetrics(registry);
        this.mos = DistributionSummary.builder("switchboard.call.mos")
                .description("estimated MOS of each leg of answered calls as they end (docs/call-quality.md)")
                .serviceLevelObjectives(2.5, 3.1, 3.6, 4.0, 4.3).register(registry);
        this.lossPercent = DistributionSummary.builder("switchboard.call.loss.percent")
                .description("packet loss of each leg's RTP as the relay measured it, per ended answered call")
                .serviceLevelObjectives(0.5, 1, 3, 5, 10).register(registry);
    }

    /**
     * Queues the open row of a call that was just answered: {@code call} as known at the answer,
     * its end time the answer time, its hangup cause {@link #IN_PROGRESS}.
     */
    public void answered(CallRecord call) {
        synchronized (up) {
            up.put(call.callId(), call);
            writer.submit(CdrEntry.open(call));
        }
    }

    /** Queues the record of an ended call; it completes (replaces) the call's open row if there is one. */
    public void record(CallRecord call) {
        synchronized (up) {
            up.remove(call.callId());
            writer.submit(CdrEntry.complete(call));
        }
    }

    /**
     * Counts how the legs of an ended call sounded in {@code /metrics} ({@code switchboard_call_mos},
     * {@code switchboard_call_loss_percent}) and stores them, on a virtual thread (never on the caller's); a failure
     * is logged, the CDR itself does not depend on it.
     */
    public void quality(List<QosMetric> legs) {
        if (legs.isEmpty()) {
            return;
        }
        legs.forEach(leg -> {
            mos.record(leg.mos());
            lossPercent.record(leg.lossPercent());
        });
        Thread.ofVirtual().name("cdr-quality").start(() -> {
            try {
                store.saveQuality(legs);
            } catch (RuntimeException e) {
                log.warn("call quality not stored call_id={} reason={}", legs.getFirst().callId(), e.toString());
            }
        });
    }

    /** Moves the end time of every call in progress to {@code now}; for the housekeeping job every {@link #HEARTBEAT}. */
    public void heartbeat(Instant now) {
        synchronized (up) {
            up.values().forEach(call -> writer.submit(CdrEntry.open(call.upAt(now))));
        }
    }

    /**
     * Closes as interrupted the open rows last known up at or before {@code lastKnownUpBefore}:
     * calls a stopped node never ended. Blocks on the database: call from a virtual thread or at
     * start-up. Returns how many.
     */
    public int closeInterrupted(Instant lastKnownUpBefore) {
        int closed = store.closeInterrupted(lastKnownUpBefore, INTERRUPTED);
        if (closed > 0) {
            log.warn("calls left open by a stopped server closed as interrupted count={} last_known_up_before={}", closed,
                    lastKnownUpBefore);
        }
        return closed;
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
}
