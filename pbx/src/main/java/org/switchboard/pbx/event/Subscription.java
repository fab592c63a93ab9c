package org.switchboard.pbx.event;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscriber of the {@link EventBus}: its bounded queue and the virtual thread that hands each
 * event to the handler. Thread-safe: publishers offer from any thread; only its own thread runs
 * the handler.
 */
public final class Subscription implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Subscription.class);

    private final String name;
    private final EventBus.Delivery delivery;
    private final BlockingQueue<PbxEvent> queue;
    private final Consumer<PbxEvent> handler;
    private final Consumer<Subscription> onClose;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread reader;
    private volatile boolean closed;

    Subscription(String name, EventBus.Delivery delivery, int capacity, Consumer<PbxEvent> handler,
            Consumer<Subscription> onClose) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.name = name;
        this.delivery = delivery;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.handler = handler;
        this.onClose = onClose;
        this.reader = Thread.ofVirtual().name("event-" + name).start(this::deliverLoop);
    }

    /** The name given at subscription (the reader thread is {@code event-<name>}). */
    public String name() {
        return name;
    }

    /** Events this lossy subscriber dropped because it fell behind. */
    public long dropped() {
        return dropped.get();
    }

    /** Stops delivery; the handler is not called again once its current event returns. */
    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        onClose.accept(this);
    }

    void offer(PbxEvent event) {
        if (closed || queue.offer(event)) {
            return;
        }
        if (delivery == EventBus.Delivery.LOSSLESS) {
            Thread.ofVirtual().name("event-" + name + "-overflow").start(() -> putWaiting(event));
            return;
        }
        while (!queue.offer(event)) {
            if (queue.poll() != null) {
                dropped.incrementAndGet();
            }
        }
    }

    private void putWaiting(PbxEvent event) {
        try {
            while (!closed) {
                if (queue.offer(event, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliverLoop() {
        while (!closed) {
            PbxEvent event;
            try {
                event = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                handler.accept(event);
            } catch (RuntimeException e) {
                log.warn("event subscriber {} failed on {}", name, event.getClass().getSimpleName(), e);
            }
        }
    }
}
