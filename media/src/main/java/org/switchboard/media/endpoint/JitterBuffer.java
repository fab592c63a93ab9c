package org.switchboard.media.endpoint;

import io.netty.buffer.ByteBuf;

/**
 * A small reorder buffer for a stream the PBX terminates: payloads go in by RTP sequence number and come out in
 * order; duplicates and packets older than what already came out are dropped. A missing packet is waited for
 * until {@link #DEPTH} later packets have arrived (60 ms at 20 ms packets), then skipped and counted as lost. A jump
 * of more than the buffer's size (the peer restarted its stream) starts afresh. Output is driven by arrivals, not
 * by a playout clock: recording and DTMF detection want every frame in order, not a wall-clock schedule.
 *
 * <p>Owned by the endpoint's event loop. All slots are preallocated: nothing is allocated per packet.
 */
final class JitterBuffer {
    /** Slots; a power of two. */
    static final int SLOTS = 8;
    /** Later packets held before a missing one is given up. */
    static final int DEPTH = 3;
    /** Largest payload kept: 60 ms of G.711. */
    static final int MAX_PAYLOAD = 480;
    /** A backward jump larger than this is a restarted stream, not a late packet. */
    private static final int RESTART_BACKWARDS = 100;

    private final byte[][] payloads = new byte[SLOTS][MAX_PAYLOAD];
    private final int[] lengths = new int[SLOTS];
    private final int[] sequences = new int[SLOTS];
    private final boolean[] filled = new boolean[SLOTS];
    private int next;
    private int buffered;
    private boolean started;

    private long lost;
    private long duplicates;
    private long late;
    private long tooLarge;

    /**
     * Stores the payload {@code data[offset, offset+length)} of packet {@code sequence}, then hands every frame
     * now in order to {@code out}.
     */
    void insert(int sequence, ByteBuf data, int offset, int length, FrameConsumer out) {
        if (length > MAX_PAYLOAD || length <= 0) {
            tooLarge++;
            return;
        }
        if (!started) {
            started = true;
            next = sequence;
        }
        int ahead = (short) (sequence - next);
        if (ahead < 0) {
            if (-ahead > RESTART_BACKWARDS) {
                restart(sequence, out);
            } else {
                late++;
                return;
            }
        } else if (ahead >= SLOTS) {
            restart(sequence, out);
        }
        int slot = sequence & (SLOTS - 1);
        if (filled[slot]) {
            duplicates++;
            return;
        }
        data.getBytes(data.readerIndex() + offset, payloads[slot], 0, length);
        lengths[slot] = length;
        sequences[slot] = sequence;
        filled[slot] = true;
        buffered++;
        drain(out);
    }

    /** Hands out every frame still held, in order, skipping holes (the stream ended). */
    void flush(FrameConsumer out) {
        while (buffered > 0) {
            emitOrSkip(out);
        }
    }

    private void restart(int sequence, FrameConsumer out) {
        flush(out);
        next = sequence;
    }

    private void drain(FrameConsumer out) {
        while (buffered > 0 && (filled[next & (SLOTS - 1)] || buffered >= DEPTH)) {
            emitOrSkip(out);
        }
    }

    private void emitOrSkip(FrameConsumer out) {
        int slot = next & (SLOTS - 1);
        if (filled[slot] && sequences[slot] == next) {
            filled[slot] = false;
            buffered--;
            out.frame(payloads[slot], lengths[slot]);
        } else {
            lost++;
        }
        next = (next + 1) & 0xFFFF;
    }

    long lost() {
        return lost;
    }

    long duplicates() {
        return duplicates;
    }

    long late() {
        return late;
    }

    long tooLarge() {
        return tooLarge;
    }
}
