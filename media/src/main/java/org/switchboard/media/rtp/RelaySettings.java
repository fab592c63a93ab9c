package org.switchboard.media.rtp;

import java.net.InetAddress;
import java.time.Duration;

/**
 * Server settings of the RTP relay: the local address its sockets bind, the port range, the media timeout, the
 * latching rule, the transport and the number of {@code rtp-io-} event loops.
 *
 * <p>Immutable: any thread may use it.
 */
public record RelaySettings(
        InetAddress bindAddress,
        int portMin,
        int portMax,
        Duration mediaTimeout,
        LatchingRule latching,
        RelayTransport transport,
        int ioThreads) {
    /** Fewest event loops {@link #defaultIoThreads} gives, however few the cores. */
    static final int MIN_DEFAULT_IO_THREADS = 4;
    /** Event loops per core {@link #defaultIoThreads} gives. */
    static final int IO_THREADS_PER_CORE = 4;
    /** Most event loops {@link #defaultIoThreads} gives: past this, more threads only add wake-ups. */
    static final int MAX_DEFAULT_IO_THREADS = 64;

    /**
     * The number of {@code rtp-io-} event loops for a machine with {@code cores} cores: four per core, at least 4
     * and at most 64.
     *
     * <p>Why more loops than cores: a call's four sockets stay on the one loop they were registered with, so when
     * that loop's thread is not running (the scheduler gave its core to another process, or it waits behind a
     * busier neighbour on the same core) every packet of its calls waits in the socket buffers, while a loop on
     * the other core may be idle. With two loops on two cores that wait was the relay's added delay: half the
     * calls at once, in stalls of 0.1-1 s (docs/performance.md, "Concurrent relayed G.711 calls"). With several
     * loops per core the scheduler can run whichever loops have packets on whichever core is free, and a stalled
     * loop holds a smaller share of the calls. The cost is more, smaller wake-ups, so more CPU per packet
     * (26 microseconds against 18-25 with two loops in neighbouring runs on the loaded machine; not yet measured
     * on an idle one).
     */
    public static int defaultIoThreads(int cores) {
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be at least 1: " + cores);
        }
        return (int) Math.clamp((long) IO_THREADS_PER_CORE * cores, MIN_DEFAULT_IO_THREADS, MAX_DEFAULT_IO_THREADS);
    }

    /** Validates the timeout and thread count; the port range is checked by {@link RtpPortPool}. */
    public RelaySettings {
        if (mediaTimeout.isNegative() || mediaTimeout.isZero()) {
            throw new IllegalArgumentException("mediaTimeout must be positive: " + mediaTimeout);
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be at least 1: " + ioThreads);
        }
        if (!transport.isAvailable()) {
            throw new IllegalArgumentException("transport " + transport + " is not available on this machine");
        }
    }
}
