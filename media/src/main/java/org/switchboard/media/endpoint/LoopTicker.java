package org.switchboard.media.endpoint;

import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link MediaClock}'s hand on one {@code rtp-io-} event loop: the clock posts ticks here, and this runs every
 * mixer, then every endpoint, registered on the loop. Mixers go first so that a party on the same loop gets the
 * mix of this tick. Posting is one preallocated task, queued at most once at a time; the task runs every tick
 * from the last one it ran up to the clock's latest, so no interleaving of clock and loop loses or repeats one.
 *
 * <p>The lists and {@code lastRun} are owned by the event loop ({@link #add}/{@link #remove} run there, never from
 * inside a tick); {@link #post} is called by the clock thread.
 */
final class LoopTicker implements Runnable {
    private final EventLoop loop;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final List<Tickable> mixers = new ArrayList<>();
    private final List<Tickable> endpoints = new ArrayList<>();
    private volatile long latest;
    private long lastRun;

    LoopTicker(EventLoop loop, long now) {
        this.loop = loop;
        this.latest = now;
        this.lastRun = now;
    }

    /** From the clock: ticks up to {@code tick} are due. */
    void post(long tick) {
        latest = tick;
        if (scheduled.compareAndSet(false, true)) {
            loop.execute(this);
        }
    }

    @Override
    public void run() {
        scheduled.set(false);
        long last = latest;
        long count = last - lastRun;
        if (count <= 0) {
            return;
        }
        long delivered = Math.min(count, MediaClock.MAX_CATCH_UP);
        long skipped = count - delivered;
        for (long t = last - delivered + 1; t <= last; t++) {
            tickAll(mixers, t, skipped);
            tickAll(endpoints, t, skipped);
            skipped = 0;
        }
        lastRun = last;
    }

    private static void tickAll(List<Tickable> list, long tick, long skipped) {
        for (int i = 0; i < list.size(); i++) {
            list.get(i).tick(tick, skipped);
        }
    }

    /** Starts ticking {@code t}; on the loop. */
    void add(Tickable t, boolean mixer) {
        (mixer ? mixers : endpoints).add(t);
    }

    /** Stops ticking {@code t}; on the loop, in a task of its own. */
    void remove(Tickable t) {
        mixers.remove(t);
        endpoints.remove(t);
    }
}
