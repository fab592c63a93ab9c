package org.switchboard.store.db;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Write-behind for high-rate facts (persistence.md): a bounded queue that coalesces items by key
 * (the latest item for a key wins), written by one flusher thread in batches of up to
 * {@link Settings#batchSize()} items, one transaction per batch, when that many are waiting or
 * the oldest has waited {@link Settings#maxDelay()}. A failed batch is retried with exponential
 * backoff and never dropped (one log line when failures of a kind begin, one when writes succeed
 * again); {@link #close()} flushes what is left, bounded by
 * {@link Settings#closeTimeout()}, and logs how many items were written.
 *
 * <p>Thread-safe: {@link #submit} never blocks on the database or waits for room, so any thread,
 * an event loop included, may call it.
 */
public final class BatchWriter<T> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);

    private final String name;
    private final Database database;
    private final Settings settings;
    private final Function<? super T, ?> keyOf;
    private final BatchSink<T> sink;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Condition room = lock.newCondition();
    private final Map<Object, T> pending = new LinkedHashMap<>();
    private final Thread flusher;
    private long oldestSinceNanos;
    private int overflowWaiting;
    private boolean closing;
    private long closeDeadlineNanos;
    private long written;
    private long batches;
    private long failures;
    private long overflowed;
    private long dropped;
    // The exception class of the failure streak in progress (null when writes succeed): logged once.
    private String failingCause;

    /**
     * @param name  the fact type, for logs and metrics (e.g. {@code cdr}, {@code binding_refresh})
     * @param keyOf the coalescing key: a newer item with the same key replaces a waiting one
     */
    public BatchWriter(String name, Database database, Settings settings, Function<? super T, ?> keyOf, BatchSink<T> sink) {
        this.name = name;
        this.database = database;
        this.settings = settings;
        this.keyOf = keyOf;
        this.sink = sink;
        this.flusher = Thread.ofVirtual().name("write-behind-" + name).start(this::flushLoop);
    }

    /**
     * Queues {@code item}. When the queue is full: {@link Overflow#WAIT} hands the item to a
     * virtual thread that waits for room (counted in {@link Stats#overflowed()}); {@link
     * Overflow#DROP_OLDEST} drops the oldest waiting item (counted in {@link Stats#dropped()}).
     * Throws {@link IllegalStateException} after {@link #close()}.
     */
    public void submit(T item) {
        Object key = keyOf.apply(item);
        lock.lock();
        try {
            if (closing) {
                throw new IllegalStateException("write-behind " + name + " is closed");
            }
            if (pending.size() < settings.capacity() || pending.containsKey(key)) {
                enqueue(key, item);
                return;
            }
            switch (settings.overflow()) {
                case DROP_OLDEST -> {
                    Iterator<Object> oldest = pending.keySet().iterator();
                    oldest.next();
                    oldest.remove();
                    dropped++;
                    enqueue(key, item);
                }
                case WAIT -> {
                    overflowed++;
                    overflowWaiting++;
                    Thread.ofVirtual().name("write-behind-" + name + "-overflow").start(() -> enqueueWhenRoom(key, item));
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Counters for metrics and tests. */
    public Stats stats() {
        lock.lock();
        try {
            return new Stats(pending.size(), written, batches, failures, overflowed, dropped);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Publishes {@link #stats()} to {@code registry}, tagged {@code name}: the queue depth as gauge
     * {@code switchboard.write_behind.queued}, and counters {@code switchboard.write_behind.written},
     * {@code .batches}, {@code .failures}, {@code .overflowed}, {@code .dropped}. Each scrape reads
     * one {@link #stats()} snapshot per meter. Call once, from any thread.
     */
    public void bindMetrics(MeterRegistry registry) {
        Gauge.builder("switchboard.write_behind.queued", this, w -> w.stats().queued())
                .description("Write-behind items waiting to be flushed").tag("name", name).register(registry);
        counter(registry, "written", "Items written", s -> s.written());
        counter(registry, "batches", "Batches committed", s -> s.batches());
        counter(registry, "failures", "Batch attempts that failed and will be retried", s -> s.failures());
        counter(registry, "overflowed", "Items that waited for room in a full queue", s -> s.overflowed());
        counter(registry, "dropped", "Items dropped from a full queue", s -> s.dropped());
    }

    private void counter(MeterRegistry registry, String what, String description, ToLongFunction<Stats> value) {
        FunctionCounter.builder("switchboard.write_behind." + what, this, w -> value.applyAsLong(w.stats()))
                .description(description).tag("name", name).register(registry);
    }

    /** Stops accepting items, writes what is waiting (bounded by the close timeout) and logs the outcome. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closing) {
                return;
            }
            closing = true;
            closeDeadlineNanos = System.nanoTime() + settings.closeTimeout().toNanos();
            wake.signalAll();
            room.signalAll();
        } finally {
            lock.unlock();
        }
        boolean finished;
        try {
            finished = flusher.join(settings.closeTimeout().plusSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        Stats stats = stats();
        if (finished) {
            log.info("write-behind flushed on close name={} written={} batches={}", name, stats.written(), stats.batches());
        } else {
            flusher.interrupt();
            log.error("write-behind could not flush on close, items lost name={} unwritten={} written={}",
                    name, stats.queued() + overflowWaitingNow(), stats.written());
        }
    }

    private void enqueue(Object key, T item) {
        boolean wasEmpty = pending.isEmpty();
        if (wasEmpty) {
            oldestSinceNanos = System.nanoTime();
        }
        pending.put(key, item);
        // The flusher sleeps without a deadline while the queue is empty: the first item starts its clock.
        if (wasEmpty || pending.size() >= settings.batchSize()) {
            wake.signalAll();
        }
    }

    private void enqueueWhenRoom(Object key, T item) {
        lock.lock();
        try {
            while (!closing && pending.size() >= settings.capacity() && !pending.containsKey(key)) {
                room.awaitUninterruptibly();
            }
            enqueue(key, item);
            wake.signalAll();
        } finally {
            overflowWaiting--;
            lock.unlock();
        }
    }

    private int overflowWaitingNow() {
        lock.lock();
        try {
            return overflowWaiting;
        } finally {
            lock.unlock();
        }
    }

    private void flushLoop() {
        try {
            List<T> batch;
            while ((batch = nextBatch()) != null) {
                writeWithRetry(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until a batch is due and takes it; null when closing and nothing is left. */
    private List<T> nextBatch() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                if (pending.isEmpty()) {
                    if (closing && overflowWaiting == 0) {
                        return null;
                    }
                    wake.await();
                    continue;
                }
                long dueIn = oldestSinceNanos + settings.maxDelay().toNanos() - System.nanoTime();
                if (closing || pending.size() >= settings.batchSize() || dueIn <= 0) {
                    return take();
                }
                wake.awaitNanos(dueIn);
            }
        } finally {
            lock.unlock();
        }
    }

    private List<T> take() {
        List<T> batch = new ArrayList<>(Math.min(pending.size(), settings.batchSize()));
        Iterator<T> values = pending.values().iterator();
        while (values.hasNext() && batch.size() < settings.batchSize()) {
            batch.add(values.next());
            values.remove();
        }
        // Items left behind are at least as old as the ones taken: oldestSinceNanos stays, so they go next.
        room.signalAll();
        return batch;
    }

    private void writeWithRetry(List<T> batch) throws InterruptedException {
        Duration backoff = settings.initialBackoff();
        while (true) {
            try {
                database.execute(h -> sink.write(h, batch));
                recordWritten(batch.size());
                return;
            } catch (RuntimeException e) {
                if (!backOff(batch.size(), backoff, e)) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : backoff.multipliedBy(2);
            }
        }
    }

    /** Counts the failure and waits before the next try; false when closing and the close deadline has passed. */
    private boolean backOff(int size, Duration backoff, RuntimeException failure) throws InterruptedException {
        lock.lock();
        try {
            failures++;
            if (closing && System.nanoTime() - closeDeadlineNanos >= 0) {
                log.error("write-behind batch lost at close name={} items={} reason={}", name, size, failure.getMessage());
                return false;
            }
            // One line per cause, not per batch or attempt: an outage under load must not flood the log.
            String cause = failure.getClass().getName();
            if (!cause.equals(failingCause)) {
                failingCause = cause;
                log.warn("write-behind failing, batches are kept and retried name={} queued={} reason={}",
                        name, pending.size() + size, failure.getMessage());
            }
            wake.await(backoff.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void recordWritten(int size) {
        lock.lock();
        try {
            written += size;
            batches++;
            if (failingCause != null) {
                failingCause = null;
                log.info("write-behind recovered name={} failures_total={} queued={}", name, failures, pending.size());
            }
        } finally {
            lock.unlock();
        }
    }

    /** What to do with an item when the queue is full. */
    public enum Overflow {
        /** Never lose the item (CDRs, bindings): a virtual thread waits for room; the caller does not. */
        WAIT,
        /** Drop the oldest waiting item (QoS samples). */
        DROP_OLDEST
    }

    /**
     * Tuning of one writer. Immutable.
     *
     * @param capacity   most items waiting (after coalescing)
     * @param batchSize  most items per transaction; a batch is written as soon as this many wait
     * @param maxDelay   longest an item waits before its batch is written
     * @param closeTimeout how long {@link #close()} keeps trying to write what is left
     */
    public record Settings(int capacity, int batchSize, Duration maxDelay, Duration initialBackoff, Duration maxBackoff,
                           Duration closeTimeout, Overflow overflow) {
        public Settings {
            Fields.check(capacity >= 1, "capacity", "must be at least 1");
            Fields.check(batchSize >= 1 && batchSize <= capacity, "batch_size", "must be between 1 and the capacity");
            Fields.check(maxDelay.isPositive(), "max_delay", "must be positive");
            Fields.check(initialBackoff.isPositive() && maxBackoff.compareTo(initialBackoff) >= 0, "backoff",
                    "must be positive, the maximum at least the initial");
            Fields.check(!closeTimeout.isNegative(), "close_timeout", "must not be negative");
        }

        /** persistence.md defaults: 10,000 waiting, 500 per batch, 200 ms, backoff 100 ms to 5 s, 10 s to flush on close. */
        public static Settings defaults(Overflow overflow) {
            return new Settings(10_000, 500, Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofSeconds(5),
                    Duration.ofSeconds(10), overflow);
        }
    }

    /**
     * Counters of one writer.
     *
     * @param queued     items waiting now
     * @param written    items committed so far
     * @param batches    transactions committed so far
     * @param failures   failed batch attempts (each retried)
     * @param overflowed items that found the queue full and waited for room
     * @param dropped    items dropped by {@link Overflow#DROP_OLDEST}
     */
    public record Stats(int queued, long written, long batches, long failures, long overflowed, long dropped) {}
}
