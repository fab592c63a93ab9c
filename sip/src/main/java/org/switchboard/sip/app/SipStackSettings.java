package org.switchboard.sip.app;

import java.util.Objects;
import org.switchboard.sip.transaction.TimerSettings;
import org.switchboard.sip.transport.StackMetrics;
import org.switchboard.sip.transport.TransportSettings;

/**
 * Everything the stack needs to start: transports, T1/T2/T4, the host written in our Via and
 * Contact (reachable by peers; the bind address unless it is a wildcard), the size of the shared
 * call pool, the metrics hooks, when to shed load and what the application supports (the
 * {@link UasPolicy} the stack checks requests against before the application sees them).
 * Immutable; any thread.
 */
public record SipStackSettings(
        TransportSettings transport, TimerSettings timers, String advertisedHost, int callThreads, StackMetrics metrics,
        OverloadSettings overload, UasPolicy uas) {

    public SipStackSettings {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(timers, "timers");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(overload, "overload");
        Objects.requireNonNull(uas, "uas");
        if (advertisedHost == null || advertisedHost.isBlank()) {
            throw new IllegalArgumentException("advertised host is required");
        }
        if (callThreads < 1) {
            throw new IllegalArgumentException("call threads must be at least 1: " + callThreads);
        }
    }

    /** These settings with the default load shedding ({@link OverloadSettings#DEFAULTS}). */
    public SipStackSettings(
            TransportSettings transport, TimerSettings timers, String advertisedHost, int callThreads, StackMetrics metrics) {
        this(transport, timers, advertisedHost, callThreads, metrics, OverloadSettings.DEFAULTS, UasPolicy.DEFAULTS);
    }

    /** These settings with the default {@link UasPolicy}. */
    public SipStackSettings(TransportSettings transport, TimerSettings timers, String advertisedHost, int callThreads,
            StackMetrics metrics, OverloadSettings overload) {
        this(transport, timers, advertisedHost, callThreads, metrics, overload, UasPolicy.DEFAULTS);
    }

    /** These settings with other load-shedding limits. */
    public SipStackSettings withOverload(OverloadSettings limits) {
        return new SipStackSettings(transport, timers, advertisedHost, callThreads, metrics, limits, uas);
    }

    /** These settings with another statement of what the application supports. */
    public SipStackSettings withUas(UasPolicy policy) {
        return new SipStackSettings(transport, timers, advertisedHost, callThreads, metrics, overload, policy);
    }

    /** These settings with another call pool size. */
    public SipStackSettings withCallThreads(int threads) {
        return new SipStackSettings(transport, timers, advertisedHost, threads, metrics, overload, uas);
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
