package org.switchboard.media.endpoint;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A single-producer single-consumer ring of 16-bit samples between two threads: an endpoint's event loop and a
 * mixer's (either way round), or an endpoint and a recorder's writer thread. Positions are counters that only grow;
 * a release store of the producer's position after the samples are written, and an acquire load before reading
 * them, order the array accesses, so neither side locks or allocates.
 *
 * <p>Exactly one producer thread calls {@link #write}, exactly one consumer thread calls the read methods.
 * Bound: {@code capacity} samples; a write that does not fit is dropped whole and counted.
 */
final class PcmRing {
    private final short[] samples;
    private final int mask;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    // consumer-side only: whether reads of whole frames have been primed
    private boolean primed;

    /** A ring of at least {@code capacity} samples (rounded up to a power of two). */
    PcmRing(int capacity) {
        int size = Integer.highestOneBit(Math.max(2, capacity) - 1) << 1;
        samples = new short[size];
        mask = size - 1;
    }

    /** Producer: appends {@code pcm[0, length)}, or drops it all when it does not fit. */
    void write(short[] pcm, int length) {
        long w = written.get();
        if (w + length - read.getAcquire() > samples.length) {
            dropped.addAndGet(length);
            return;
        }
        for (int i = 0; i < length; i++) {
            samples[(int) (w + i) & mask] = pcm[i];
        }
        written.setRelease(w + length);
    }

    /** Consumer: how many samples can be read. */
    int available() {
        return (int) (written.getAcquire() - read.get());
    }

    /** Consumer: moves up to {@code max} samples into {@code out[0, n)} and returns n. */
    int read(short[] out, int max) {
        long r = read.get();
        int n = (int) Math.min(max, written.getAcquire() - r);
        for (int i = 0; i < n; i++) {
            out[i] = samples[(int) (r + i) & mask];
        }
        read.setRelease(r + n);
        return n;
    }

    /**
     * Consumer, for paced reading of whole frames across two clocks that tick out of step: reads a frame of
     * {@code length} when one is there, but after running dry waits until {@code primeFrames} frames are buffered
     * again, so one late tick of the producer does not make every later frame late. Returns whether a frame was
     * read.
     */
    boolean readFrame(short[] out, int length, int primeFrames) {
        int have = available();
        if (!primed && have < primeFrames * length) {
            return false;
        }
        if (have < length) {
            primed = false;
            return false;
        }
        primed = true;
        read(out, length);
        return true;
    }

    /** Samples dropped because the ring was full. */
    long dropped() {
        return dropped.get();
    }
}
