package org.switchboard.sip.transport;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How much one source address may ask of the stack, and how many connections the stack holds.
 * Immutable; any thread.
 *
 * @param requestsPerWindow requests a source may send per {@code window} before the rest of the
 *     window's requests are dropped unanswered (a pike); 0 turns the rate limit off
 * @param window the rate limit's window
 * @param connectionsPerSource TCP and TLS connections one source address may hold open at once
 * @param maxConnections TCP and TLS connections the stack accepts in total (see {@link
 *     #withinFileHandles})
 * @param unregisteredIdleTimeout a connection that has carried no REGISTER is closed once this long
 *     passes without a SIP message on it (keep-alive pings do not count); a registered flow is kept
 *     until the transport's idle timeout, which its RFC 5626 pings reset
 * @param trusted sources exempt from the rate limit and the per-source connection limit (bans and
 *     the total still apply)
 */
public record InboundLimits(
        int requestsPerWindow,
        Duration window,
        int connectionsPerSource,
        int maxConnections,
        Duration unregisteredIdleTimeout,
        List<AddressRange> trusted) {

    /** What the stack does without configuration: no rate limit, no connection limits. */
    public static final InboundLimits UNLIMITED = new InboundLimits(0, Duration.ofSeconds(1), Integer.MAX_VALUE,
            Integer.MAX_VALUE, Duration.ofMinutes(5), List.of());

    public InboundLimits {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(unregisteredIdleTimeout, "unregisteredIdleTimeout");
        trusted = List.copyOf(trusted);
        if (requestsPerWindow < 0) {
            throw new IllegalArgumentException("requests per window must not be negative: " + requestsPerWindow);
        }
        if (!window.isPositive() || !unregisteredIdleTimeout.isPositive()) {
            throw new IllegalArgumentException("window and idle timeout must be positive");
        }
        if (connectionsPerSource < 1 || maxConnections < 1) {
            throw new IllegalArgumentException("connection limits must be at least 1");
        }
    }

    /** Whether the rate limit is on. */
    public boolean limitsRate() {
        return requestsPerWindow > 0;
    }

    /** Whether {@code source} lies in a trusted range. */
    public boolean isTrusted(InetAddress source) {
        for (AddressRange range : trusted) {
            if (range.contains(source)) {
                return true;
            }
        }
        return false;
    }

    /**
     * These limits with the total capped so that {@code reserve} of the process's {@code
     * maxOpenFiles} file handles stay free for HTTP, the database, logs and the RTP relay, whatever
     * a connection flood does: at the open-file limit the HTTP API stops accepting connections.
     */
    public InboundLimits withinFileHandles(long maxOpenFiles, int reserve) {
        long budget = Math.max(1, maxOpenFiles - reserve);
        return budget >= maxConnections ? this : new InboundLimits(requestsPerWindow, window, connectionsPerSource,
                (int) budget, unregisteredIdleTimeout, trusted);
    }
}
