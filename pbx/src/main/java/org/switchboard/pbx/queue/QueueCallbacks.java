package org.switchboard.pbx.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.call.OriginateLeg;
import org.switchboard.pbx.call.OriginatedLegListener;
import org.switchboard.store.queue.CallQueueStore;
import org.switchboard.store.queue.CallbackRequest;

/**
 * The queues' callback requests (docs/queues.md, "Callback"): stores a caller's request before it is
 * released, puts it in line in the live queues at the caller's place ({@link CallbackCall} then
 * calls the agent and the caller back), reloads the pending ones at start, and lists and cancels them
 * for the API.
 *
 * <p>Thread-safe. Database work runs on one virtual thread, in order, so a request's states are
 * written in the order they happened; {@link #list} and {@link #cancel} block (API threads only).
 */
public final class QueueCallbacks implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QueueCallbacks.class);

    /** How the PBX rings a party: {@code CallControl::originate}. */
    @FunctionalInterface
    public interface Originator {
        String originate(OriginateLeg leg, OriginatedLegListener listener);
    }

    private final CallQueueStore store;
    private final QueueService queues;
    private final LiveQueues live;
    private final Clock clock;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("queue-callbacks").factory());
    /** Where the live queues post to a request: a virtual thread each (its methods synchronize). */
    private final Executor tasks = task -> Thread.ofVirtual().name("queue-callback").start(task);
    private final Map<Long, CallbackCall> pending = new ConcurrentHashMap<>();
    private volatile Originator originator;

    public QueueCallbacks(CallQueueStore store, QueueService queues, LiveQueues live, Clock clock) {
        this.store = store;
        this.queues = queues;
        this.live = live;
        this.clock = clock;
    }

    /**
     * Starts calling back with {@code originator} once SIP runs: the requests still pending in the
     * database (also those being called when the node stopped) take their places in line again.
     * Blocks on the database: the start-up thread only.
     */
    public void start(Originator calls) {
        originator = calls;
        for (CallbackRequest request : store.pendingCallbacks()) {
            if (request.state().equals(CallbackRequest.CALLING)) {
                store.saveCallback(request.id(), CallbackRequest.WAITING, request.attempts(), clock.instant());
            }
            enqueue(request, request.attempts(), clock.instant());
        }
        log.info("queue callbacks resumed: {}", pending.size());
    }

    /**
     * Stores caller {@code number}'s request to be called back by queue {@code queue}, at the place it
     * took at {@code enqueuedAt}, then puts it in line; completes once stored (off the call's thread).
     */
    CompletableFuture<CallbackRequest> request(String queue, String number, String callId, Instant enqueuedAt) {
        return CompletableFuture.supplyAsync(() -> {
            CallbackRequest request = store.addCallback(queue, number, callId, enqueuedAt, clock.instant());
            enqueue(request, 0, clock.instant());
            log.info("queue callback requested id={} queue={} number={} call_id={}", request.id(), queue, number, callId);
            return request;
        }, writer);
    }

    /** Queue {@code queue}'s requests in every state, first in line first; {@code NotFoundException} for no queue. */
    public List<CallbackRequest> list(String queue) {
        queues.get(queue);
        return store.callbacks(queue);
    }

    /** Removes request {@code id} of queue {@code queue}, taking it out of line; {@code NotFoundException} when there is none. */
    public void cancel(String queue, long id) {
        queues.get(queue);
        store.deleteCallback(queue, id);
        CallbackCall call = pending.remove(id);
        if (call != null) {
            call.cancel();
        }
    }

    @Override
    public void close() {
        writer.close();
    }

    // ---- for the requests being called back ------------------------------------------------------

    Executor tasks() {
        return tasks;
    }

    Originator originator() {
        return originator;
    }

    Clock clock() {
        return clock;
    }

    /** Stores request {@code id}'s new state, behind the call (never blocks). */
    void save(long id, String state, int attempts) {
        Instant now = clock.instant();
        try {
            writer.execute(() -> {
                try {
                    store.saveCallback(id, state, attempts, now);
                } catch (RuntimeException e) {
                    log.warn("queue callback id={} state={} not stored: {}", id, state, e.toString());
                }
            });
        } catch (RejectedExecutionException closed) {
            // shutting down: the request stays as last stored, and a pending one is resumed at the next start
            log.info("queue callback id={} state={} not stored: shutting down", id, state);
        }
    }

    /** Request {@code id} is over (connected, failed, or its queue is gone). */
    void finished(long id) {
        pending.remove(id);
    }

    private void enqueue(CallbackRequest request, int attempts, Instant notBefore) {
        CallbackCall call = new CallbackCall(request, attempts, this, live, queues);
        pending.put(request.id(), call);
        if (live.joinCallback(request.queue(), call, request.enqueuedAt(), notBefore) != LiveQueues.Joined.WAITING) {
            pending.remove(request.id());
        }
    }
}
