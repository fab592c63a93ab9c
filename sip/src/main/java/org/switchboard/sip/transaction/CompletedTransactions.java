package org.switchboard.sip.transaction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Timer J (RFC 3261 §17.2.2) of the transaction layer's completed non-INVITE server transactions
 * over unreliable transports, in batches: the transactions completed within one {@link #BATCH} share
 * one wheel timeout that ends them all {@code timerJ + BATCH} after the batch opened, so each lives
 * at least Timer J and at most {@link #BATCH} longer. Under a REGISTER load of thousands per second
 * a timeout per transaction (tens of thousands pending, each walked by the wheel on every turn) and
 * a task on its call executor when it ran out were a large part of the stack's cost; here a batch
 * costs two timeouts and ending a transaction is one map removal.
 *
 * <p>Ending a completed transaction only drops it from the layer's map ({@code expire}, which must
 * be thread-safe): nothing reaches its machine afterwards, so the machine's own state is left alone
 * and no protocol logic runs on the timer's thread. Thread-safe: {@link #add} from any call
 * executor; the open batch is guarded by this object's monitor, held only to add or close.
 */
final class CompletedTransactions {
    /** How long a batch gathers completions: also the most a transaction outlives its Timer J. */
    static final Duration BATCH = Duration.ofMillis(100);

    private record Entry(TransactionKey key, ServerNonInviteTransaction machine) {}

    private final ProtocolTimer timer;
    private final Duration expiry;
    private final BiConsumer<TransactionKey, ServerNonInviteTransaction> expire;
    private List<Entry> open;

    /**
     * @param timerJ Timer J, 64*T1
     * @param expire drops the transaction with this key if it is still this machine's
     */
    CompletedTransactions(ProtocolTimer timer, Duration timerJ,
            BiConsumer<TransactionKey, ServerNonInviteTransaction> expire) {
        this.timer = timer;
        this.expiry = timerJ.plus(BATCH);
        this.expire = expire;
    }

    /** The transaction under {@code key}, run by {@code machine}, just completed: Timer J starts. */
    void add(TransactionKey key, ServerNonInviteTransaction machine) {
        List<Entry> batch;
        boolean opened = false;
        synchronized (this) {
            if (open == null) {
                open = new ArrayList<>();
                opened = true;
            }
            batch = open;
            batch.add(new Entry(key, machine));
        }
        if (opened) {
            timer.schedule(BATCH, Runnable::run, () -> close(batch));
            timer.schedule(expiry, Runnable::run, () -> expire(batch));
        }
    }

    private synchronized void close(List<Entry> batch) {
        if (open == batch) {
            open = null;
        }
    }

    private void expire(List<Entry> batch) {
        close(batch); // normally closed long ago; a stalled timer thread must not let it grow further
        List<Entry> ending;
        synchronized (this) {
            ending = List.copyOf(batch);
        }
        for (Entry e : ending) {
            expire.accept(e.key(), e.machine());
        }
    }
}
