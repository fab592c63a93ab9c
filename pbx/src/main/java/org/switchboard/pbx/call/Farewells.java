package org.switchboard.pbx.call;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transaction.ClientTransactionListener;

/**
 * The BYEs and CANCELs a node sends while ending calls. Their answers change nothing (the far end
 * leaves the call either way), but shutdown must not close the SIP stack while they are still on
 * their way: {@link #awaitNone} waits until each has been answered, timed out or failed.
 *
 * <p>Thread-safe: call executors take listeners, transaction callbacks release them, and the
 * stopping thread waits on this object's monitor.
 */
final class Farewells {
    private int pending;

    /** The listener for one BYE or CANCEL about to be sent; counted until its transaction ends. */
    ClientTransactionListener<SipResponse> listener() {
        synchronized (this) {
            pending++;
        }
        return new Once();
    }

    /** Waits until no BYE or CANCEL is pending, at most {@code limit}; false when some still are. */
    synchronized boolean awaitNone(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (pending > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private synchronized void release() {
        pending--;
        if (pending == 0) {
            notifyAll();
        }
    }

    /** Releases its count on the first of final response, timeout or transport error. */
    private final class Once implements ClientTransactionListener<SipResponse> {
        private final AtomicBoolean ended = new AtomicBoolean();

        @Override
        public void onProvisional(SipResponse response) {}

        @Override
        public void onFinal(SipResponse response) {
            end();
        }

        @Override
        public void onTimeout() {
            end();
        }

        @Override
        public void onTransportError(Throwable cause) {
            end();
        }

        private void end() {
            if (ended.compareAndSet(false, true)) {
                release();
            }
        }
    }
}
