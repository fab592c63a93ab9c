package org.switchboard.media.endpoint;

import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one 20 ms clock that paces every stream the PBX sends itself. One platform thread ({@code media-clock})
 * wakes at absolute deadlines (start + n × 20 ms, so there is no drift) and hands the tick to each event loop
 * that has endpoints or mixers ({@link LoopTicker}); the loop then ticks all of them. There is no thread or timer
 * per call or per stream.
 *
 * <p>When a loop runs late (a pause of the JVM or the machine), the ticks it missed are delivered at once, up to
 * {@link #MAX_CATCH_UP}; older ones are dropped, and the endpoints' RTP timestamps jump over them (the receiver
 * sees a gap, as after silence suppression).
 *
 * <p>Thread-safe: loops register from any thread; {@link #tick()} may be read anywhere.
 */
public final class MediaClock implements AutoCloseable {
    /** The packet interval. */
    public static final Duration FRAME = Duration.ofMillis(20);
    /** Samples in a frame at 8 kHz. */
    public static final int SAMPLES_PER_FRAME = 160;
    /** Most missed ticks delivered after a late wake-up: 100 ms of audio. */
    static final int MAX_CATCH_UP = 5;
    private static final Logger log = LoggerFactory.getLogger(MediaClock.class);
    private static final long FRAME_NANOS = FRAME.toNanos();

    private final CopyOnWriteArrayList<LoopTicker> loops = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile long tick;
    private volatile boolean running = true;

    /** Starts the clock thread. */
    public MediaClock() {
        thread = Thread.ofPlatform().name("media-clock").daemon().unstarted(this::run);
        // the clock's wake-up latency is every PBX stream's packet-interval jitter
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
    }

    /** The number of the last tick delivered (20 ms each since the clock started). */
    public long tick() {
        return tick;
    }

    /** A ticker for {@code loop}, ticked from now on. */
    LoopTicker register(EventLoop loop) {
        LoopTicker ticker = new LoopTicker(loop, tick);
        loops.add(ticker);
        return ticker;
    }

    private void run() {
        long start = System.nanoTime();
        long delivered = 0;
        while (running) {
            long deadline = start + (delivered + 1) * FRAME_NANOS;
            long wait;
            while ((wait = deadline - System.nanoTime()) > 0 && running) {
                LockSupport.parkNanos(wait);
            }
            long due = (System.nanoTime() - start) / FRAME_NANOS;
            if (due - delivered > MAX_CATCH_UP) {
                log.debug("media clock woke {} ms late", (due - delivered - 1) * 20);
            }
            delivered = due;
            tick = due;
            for (LoopTicker loop : loops) {
                loop.post(due);
            }
        }
    }

    /** Stops the clock thread and waits for it. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
