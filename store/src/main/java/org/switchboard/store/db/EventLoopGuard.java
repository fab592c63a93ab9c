package org.switchboard.store.db;

/**
 * Refuses blocking database work on the SIP and RTP event-loop threads (threading.md: an event
 * loop never blocks). Stateless; any thread.
 */
final class EventLoopGuard {
    private EventLoopGuard() {}

    static void refuseEventLoop() {
        String name = Thread.currentThread().getName();
        if (name.startsWith("sip-io-") || name.startsWith("rtp-io-")) {
            throw new IllegalStateException("database call on an event loop");
        }
    }
}
