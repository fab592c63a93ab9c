package org.switchboard.pbx.call;

import org.switchboard.store.cdr.Disposition;

/** How a final failure status of the callee's side reads in the CDR (docs/calls.md). Stateless. */
final class Outcomes {
    private Outcomes() {}

    /** BUSY for 486 and 600, NO ANSWER for 480 and 408, FAILED for everything else. */
    static Disposition of(int status) {
        return switch (status) {
            case 486, 600 -> Disposition.BUSY;
            case 408, 480 -> Disposition.NO_ANSWER;
            default -> Disposition.FAILED;
        };
    }

    /**
     * Which of two final failures of parallel forks the caller gets (after RFC 3261 §16.7 step 6):
     * a 6xx wins, then 486 Busy (one busy phone means the person is busy), then the lower class.
     */
    static boolean isBetter(int candidate, int current) {
        if (current == 0) {
            return true;
        }
        if ((candidate >= 600) != (current >= 600)) {
            return candidate >= 600;
        }
        if ((candidate == 486) != (current == 486)) {
            return candidate == 486;
        }
        return candidate / 100 < current / 100;
    }
}
