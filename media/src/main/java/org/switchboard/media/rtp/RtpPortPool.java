package org.switchboard.media.rtp;

import java.util.Optional;

/**
 * Hands out RTP/RTCP {@link PortPair}s from a configured range and takes them back. Released pairs go to the back
 * of the queue, so a port is reused as late as possible and stray packets of an ended call do not reach the next.
 *
 * <p>Thread-safe: call executors allocate and release concurrently; every method holds the pool's lock briefly.
 * Bound: the range's number of pairs; when all are in use, {@link #allocate()} returns empty.
 */
public final class RtpPortPool {
    private final int firstRtpPort;
    private final boolean[] inUse;
    private final int[] free;
    private int head;
    private int freeCount;

    /** A pool of every even/odd pair inside {@code [portMin, portMax]}. */
    public RtpPortPool(int portMin, int portMax) {
        if (portMin < 1024 || portMax > 65535 || portMin > portMax) {
            throw new IllegalArgumentException("RTP port range must lie in 1024-65535 with min <= max: "
                    + portMin + "-" + portMax);
        }
        firstRtpPort = portMin % 2 == 0 ? portMin : portMin + 1;
        int pairs = Math.max(0, (portMax - firstRtpPort + 1) / 2);
        if (pairs == 0) {
            throw new IllegalArgumentException("RTP port range " + portMin + "-" + portMax + " holds no even/odd pair");
        }
        inUse = new boolean[pairs];
        free = new int[pairs];
        for (int i = 0; i < pairs; i++) {
            free[i] = i;
        }
        freeCount = pairs;
    }

    /** Takes the least recently used free pair, or empty when every pair is in use. */
    public synchronized Optional<PortPair> allocate() {
        if (freeCount == 0) {
            return Optional.empty();
        }
        int index = free[head];
        head = (head + 1) % free.length;
        freeCount--;
        inUse[index] = true;
        return Optional.of(new PortPair(firstRtpPort + 2 * index));
    }

    /** Returns a pair to the pool; releasing a pair that is not allocated from this pool is a bug and throws. */
    public synchronized void release(PortPair pair) {
        int offset = pair.rtpPort() - firstRtpPort;
        int index = offset / 2;
        if (offset < 0 || index >= inUse.length) {
            throw new IllegalArgumentException("port " + pair.rtpPort() + " is not in this pool");
        }
        if (!inUse[index]) {
            throw new IllegalStateException("port pair " + pair.rtpPort() + " released twice");
        }
        inUse[index] = false;
        free[(head + freeCount) % free.length] = index;
        freeCount++;
    }

    /** How many pairs are free now. */
    public synchronized int available() {
        return freeCount;
    }

    /** How many pairs the range holds. */
    public int capacity() {
        return inUse.length;
    }
}
