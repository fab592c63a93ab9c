package org.switchboard.store.db;

/**
 * Refuses blocking database work on the threads that must never block (threading.md): the SIP
 * and RTP event loops, and the {@code call-} pool that runs every call's serial executor, where
 * one statement waiting on the pool or a lock would stall every call sharing that thread. Those
 * threads hand database work to a virtual thread and post the result back. Stateless; any thread.
 */
final class EventLoopGuard {
    private EventLoopGuard() {}

    static void refuseEventLoop() {
        String name = Thread.currentThread().getName();
        if (name.startsWith("sip-io-") || name.startsWith("rtp-io-")) {
            throw new IllegalStateException("database call on an event loop");
        }
        if (name.startsWith("call-")) {
            throw new IllegalStateException("database call on a call thread");
        }
    }
}
