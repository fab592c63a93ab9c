package org.switchboard.pbx.call;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One {@link DigitCollection} on a leg: gathers the keys as they come and reports the result once,
 * when enough came, the terminator came, or the timeout ran out (the timer posts to the call's
 * executor, threading.md). Owned by the call's executor.
 */
final class DigitCollector {
    private final DigitCollection request;
    private final ScheduledExecutorService scheduler;
    private final Executor executor;
    private final Consumer<DigitCollection.Result> done;
    private final StringBuilder digits = new StringBuilder();
    private ScheduledFuture<?> timeout;
    private boolean over;

    DigitCollector(DigitCollection request, ScheduledExecutorService scheduler, Executor executor,
            Consumer<DigitCollection.Result> done) {
        this.request = request;
        this.scheduler = scheduler;
        this.executor = executor;
        this.done = done;
        arm(request.firstDigitTimeout());
    }

    /** A key the caller pressed. */
    void onDigit(char digit) {
        if (over) {
            return;
        }
        if (request.terminator().isPresent() && request.terminator().get() == digit) {
            finish(DigitCollection.Ending.TERMINATOR);
            return;
        }
        digits.append(digit);
        if (digits.length() >= request.maxDigits()) {
            finish(DigitCollection.Ending.MAX_DIGITS);
        } else {
            arm(request.interDigitTimeout());
        }
    }

    /** Stops without a report (the call ended, or another collection replaced this one). */
    void cancel() {
        over = true;
        disarm();
    }

    boolean isOver() {
        return over;
    }

    private void arm(Duration after) {
        disarm();
        int length = digits.length();
        timeout = scheduler.schedule(() -> executor.execute(() -> onTimeout(length)), after.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void onTimeout(int lengthWhenArmed) {
        if (!over && digits.length() == lengthWhenArmed) {
            finish(DigitCollection.Ending.TIMEOUT);
        }
    }

    private void finish(DigitCollection.Ending ending) {
        over = true;
        disarm();
        done.accept(new DigitCollection.Result(digits.toString(), ending));
    }

    private void disarm() {
        if (timeout != null) {
            timeout.cancel(false);
        }
    }
}
