package org.switchboard.media.srtp;

/**
 * The RFC 3711 §3.3.2 replay list as a sliding bitmap of the last {@link #SIZE} packet indexes below and at
 * the highest one accepted. An index is fresh when it is above the highest, or inside the window and not yet
 * seen; older than the window counts as replayed (it cannot be told apart).
 *
 * <p>Not thread-safe: owned by one {@link SrtpContext}.
 */
final class ReplayWindow {
    static final int SIZE = 128;

    private long highest = -1;
    // bit d of (high:low) is index highest - d
    private long low;
    private long high;

    boolean isFresh(long index) {
        if (index > highest) {
            return true;
        }
        long age = highest - index;
        return age < SIZE && !seen((int) age);
    }

    /** Records {@code index} as received; call only after it proved authentic and fresh. */
    void accept(long index) {
        if (index > highest) {
            long shift = highest < 0 ? SIZE : index - highest;
            if (shift >= SIZE) {
                low = 0;
                high = 0;
            } else if (shift >= 64) {
                high = low << (shift - 64);
                low = 0;
            } else {
                high = (high << shift) | (low >>> (64 - shift));
                low <<= shift;
            }
            highest = index;
            low |= 1;
        } else {
            int age = (int) (highest - index);
            if (age < 64) {
                low |= 1L << age;
            } else {
                high |= 1L << (age - 64);
            }
        }
    }

    private boolean seen(int age) {
        return age < 64 ? (low >>> age & 1) != 0 : (high >>> (age - 64) & 1) != 0;
    }
}
