package org.switchboard.pbx.voicemail.calls;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a blocking step of a voicemail call (the database, a WAV file) on a virtual thread and hands
 * its outcome back to the call's executor, where the call's state lives (docs/call-engine.md: call
 * threads never block). Immutable; any thread.
 */
final class BlockingWork {
    private static final Logger log = LoggerFactory.getLogger(BlockingWork.class);

    private final Executor call;

    /** @param call the call's serial executor, where results and failures are delivered */
    BlockingWork(Executor call) {
        this.call = call;
    }

    /**
     * Runs {@code work} off the call thread; {@code then} gets its result on the call's executor,
     * {@code failed} its exception (logged here with {@code what}).
     */
    <T> void run(String what, Supplier<T> work, Consumer<T> then, Consumer<RuntimeException> failed) {
        Thread.ofVirtual().name("voicemail-call-", 0).start(() -> {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                log.warn("voicemail call step failed step={} cause={}", what, e.toString());
                call.execute(() -> failed.accept(e));
                return;
            }
            call.execute(() -> then.accept(result));
        });
    }
}
