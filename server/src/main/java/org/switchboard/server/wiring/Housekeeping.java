package org.switchboard.server.wiring;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic jobs of a node (threading.md, "housekeeping"): one scheduler thread named
 * {@code housekeeping} that never runs a job itself but hands each tick to a virtual thread named
 * {@code housekeeping-JOB}, because jobs block on the database. A tick is skipped while the same
 * job's previous run is still going, so a slow database cannot pile runs up; a failing run is
 * logged and the job stays scheduled. {@link #every} and {@link #close()} are called by the thread
 * that starts and stops the server.
 */
public final class Housekeeping implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("housekeeping").daemon(true).factory());

    /** Runs {@code job} now and then every {@code period}. */
    public void every(String name, Duration period, Runnable job) {
        AtomicBoolean running = new AtomicBoolean();
        scheduler.scheduleAtFixedRate(() -> {
            if (!running.compareAndSet(false, true)) {
                log.warn("housekeeping job still running, tick skipped job={}", name);
                return;
            }
            Thread.ofVirtual().name("housekeeping-" + name).start(() -> {
                try {
                    job.run();
                } catch (RuntimeException e) {
                    log.warn("housekeeping job failed job={} reason={}", name, e.toString());
                } finally {
                    running.set(false);
                }
            });
        }, 0, period.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * The scheduler itself, for a service that schedules its own ticks (the registrar's expiry
     * sweep); such a tick must only hand its work to a virtual thread, as {@link #every} does.
     */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /**
     * Stops scheduling and waits (briefly) for the scheduler thread to end, so that a stopped node
     * leaves no housekeeping thread behind; runs already handed to a virtual thread finish on their own.
     */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("housekeeping scheduler did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
