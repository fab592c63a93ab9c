package org.switchboard.sip.app;

import java.util.concurrent.Executor;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.MDC;

/**
 * Hands out the serial executor for a Call-ID, all multiplexed on one shared {@code call-} pool.
 * Every message, timer and continuation of one Call-ID runs on the same serial executor, in order.
 * Executors are striped by Call-ID hash: the same Call-ID always maps to the same stripe, so order
 * holds without a per-call map to create and clean up; two calls sharing a stripe only share
 * ordering, never state. A Call-ID may be joined to another one's executor ({@link #join}): a
 * back-to-back user agent's callee legs have their own Call-IDs but belong to the caller's call.
 * Any thread may call any method.
 */
public final class CallExecutors implements AutoCloseable {
    private static final int STRIPES = 4096;

    private final ExecutorService pool;
    private final SerialExecutor[] stripes = new SerialExecutor[STRIPES];
    private final ConcurrentHashMap<String, String> joined = new ConcurrentHashMap<>();
    /** Tasks handed in and not yet started: the backlog that load shedding watches. */
    private final AtomicInteger queued = new AtomicInteger();

    /** A pool of {@code threads} platform threads named {@code call-N}. */
    public CallExecutors(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "call-" + n.getAndIncrement());
            t.setDaemon(true);
            return t;
        };
        pool = Executors.newFixedThreadPool(threads, factory);
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new SerialExecutor(pool);
        }
    }

    /**
     * The serial executor owning everything keyed by this Call-ID. Its tasks run with the Call-ID
     * in the logging context ({@code call_id}), so one call can be followed across threads.
     */
    public Executor forCallId(String callId) {
        SerialExecutor stripe = stripe(callId);
        return task -> {
            queued.incrementAndGet();
            stripe.execute(() -> {
                queued.decrementAndGet();
                MDC.put("call_id", callId);
                try {
                    task.run();
                } finally {
                    MDC.remove("call_id");
                }
            });
        };
    }

    /** How many tasks wait to run, over all Call-IDs. */
    public int queuedTasks() {
        return queued.get();
    }

    /**
     * From now on, everything with {@code callId} runs on the executor of {@code ownerCallId}. An
     * executor already handed out for {@code callId} keeps its stripe, so join before the first
     * message of {@code callId} is sent or expected.
     */
    public void join(String callId, String ownerCallId) {
        joined.put(callId, ownerCallId);
    }

    /** Undoes {@link #join}: later messages of {@code callId} go to its own stripe again. */
    public void leave(String callId) {
        joined.remove(callId);
    }

    /** The stripe a Call-ID maps to (its owner's when joined); the same Call-ID always gets the same one. */
    SerialExecutor stripe(String callId) {
        String owner = joined.getOrDefault(callId, callId);
        return stripes[Math.floorMod(owner.hashCode() * 0x9E3779B9, STRIPES)];
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
