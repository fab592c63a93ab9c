package org.switchboard.sip.transport;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Applies {@link InboundLimits} and the ban list at the transport's edge, before a byte is parsed:
 * a message from a banned source or from a source over its rate is dropped unanswered (so a flood
 * is answered with nothing, never with a 401 larger than the request), a connection beyond the
 * per-source or total limit is closed as soon as it is accepted. Thread-safe: called from every
 * event loop.
 */
public final class SourceGuard {
    /** Most sources the rate limiter tracks at once (about 100 bytes each). */
    private static final int TRACKED_SOURCES = 100_000;

    private final InboundLimits limits;
    private final BlockedSources blocked;
    private final InboundCounters counters = new InboundCounters();
    private final SourceRateLimiter rates;
    private final ConcurrentHashMap<InetAddress, AtomicInteger> connectionsBySource = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();

    public SourceGuard(InboundLimits limits, BlockedSources blocked) {
        this(limits, blocked, System::nanoTime);
    }

    SourceGuard(InboundLimits limits, BlockedSources blocked, LongSupplier nanoTime) {
        this.limits = limits;
        this.blocked = blocked;
        this.rates = new SourceRateLimiter(limits.requestsPerWindow(), limits.window(), TRACKED_SOURCES, nanoTime);
    }

    /** No limits and no bans. */
    public static SourceGuard unlimited() {
        return new SourceGuard(InboundLimits.UNLIMITED, BlockedSources.NONE);
    }

    public InboundLimits limits() {
        return limits;
    }

    public InboundCounters counters() {
        return counters;
    }

    /** TCP and TLS connections accepted and still open. */
    public int acceptedConnections() {
        return connections.get();
    }

    /** {@code receiver} behind this guard: what it refuses never reaches it. */
    FrameReceiver gate(FrameReceiver receiver) {
        return (message, flow) -> {
            if (admits(message, flow.remote().getAddress())) {
                receiver.receive(message, flow);
            }
        };
    }

    boolean admits(byte[] message, InetAddress source) {
        if (blocked.isBlocked(source)) {
            counters.messageFromBannedSource();
            return false;
        }
        // Responses answer our own requests and are absorbed by their transaction without a reply,
        // so they cost a flood nothing and must not crowd out a busy trunk's answers.
        if (!limits.limitsRate() || isResponse(message) || limits.isTrusted(source)) {
            return true;
        }
        if (rates.admit(source)) {
            return true;
        }
        counters.messageOverRateLimit();
        return false;
    }

    /**
     * Counts a newly accepted connection from {@code source}; false (and nothing counted) when it
     * must be closed at once.
     */
    boolean tryOpen(InetAddress source) {
        if (blocked.isBlocked(source)) {
            counters.connectionFromBannedSource();
            return false;
        }
        if (connections.incrementAndGet() > limits.maxConnections()) {
            connections.decrementAndGet();
            counters.connectionOverTotalLimit();
            return false;
        }
        if (limits.isTrusted(source)) {
            connectionsBySource.computeIfAbsent(source, s -> new AtomicInteger()).incrementAndGet();
            return true;
        }
        boolean[] admitted = {false};
        connectionsBySource.compute(source, (s, count) -> {
            AtomicInteger c = count == null ? new AtomicInteger() : count;
            admitted[0] = c.get() < limits.connectionsPerSource();
            if (admitted[0]) {
                c.incrementAndGet();
            }
            return c.get() == 0 ? null : c;
        });
        if (!admitted[0]) {
            connections.decrementAndGet();
            counters.connectionOverSourceLimit();
        }
        return admitted[0];
    }

    /** A connection counted by {@link #tryOpen} closed. */
    void closed(InetAddress source) {
        connections.decrementAndGet();
        connectionsBySource.computeIfPresent(source, (s, c) -> c.decrementAndGet() == 0 ? null : c);
    }

    void unregisteredConnectionIdle() {
        counters.unregisteredConnectionIdle();
    }

    private static boolean isResponse(byte[] message) {
        return message.length > 4 && message[0] == 'S' && message[1] == 'I' && message[2] == 'P' && message[3] == '/';
    }
}
