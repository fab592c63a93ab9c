package org.switchboard.bench.media;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A JMH executor ({@code -Djmh.executor=CUSTOM}) whose benchmark threads are Netty {@code FastThreadLocalThread}s,
 * like the {@code rtp-io-} event loops: Netty 4.2 recycles its per-write objects only on such threads, so a
 * benchmark on JMH's plain threads would measure garbage production never sees.
 *
 * <p>Created by JMH once per fork; its threads run the benchmark loops.
 */
public final class EventLoopThreadExecutor extends ThreadPoolExecutor {
    /** The constructor JMH calls with its thread count and name prefix. */
    public EventLoopThreadExecutor(int maxThreads, String prefix) {
        super(maxThreads, maxThreads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                new DefaultThreadFactory(prefix, true));
    }
}
