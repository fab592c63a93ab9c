package org.switchboard.sip.app;

import java.util.Objects;
import org.switchboard.sip.transaction.TimerSettings;
import org.switchboard.sip.transport.StackMetrics;
import org.switchboard.sip.transport.TransportSettings;

/**
 * Everything the stack needs to start: transports, T1/T2/T4, the host written in our Via and
 * Contact (reachable by peers; the bind address unless it is a wildcard), the size of the shared
 * call pool and the metrics hooks. Immutable; any thread.
 */
public record SipStackSettings(
        TransportSettings transport, TimerSettings timers, String advertisedHost, int callThreads, StackMetrics metrics) {

    public SipStackSettings {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(timers, "timers");
        Objects.requireNonNull(metrics, "metrics");
        if (advertisedHost == null || advertisedHost.isBlank()) {
            throw new IllegalArgumentException("advertised host is required");
        }
        if (callThreads < 1) {
            throw new IllegalArgumentException("call threads must be at least 1: " + callThreads);
        }
    }

    /** RFC 3261 default timers, the bind address as advertised host, one call thread per core. */
    public static SipStackSettings of(TransportSettings transport, StackMetrics metrics) {
        if (transport.bindAddress().isAnyLocalAddress()) {
            throw new IllegalArgumentException("bound to a wildcard address: give an advertised host");
        }
        return new SipStackSettings(transport, TimerSettings.DEFAULTS, transport.bindAddress().getHostAddress(),
                Math.max(2, Runtime.getRuntime().availableProcessors()), metrics);
    }
}
