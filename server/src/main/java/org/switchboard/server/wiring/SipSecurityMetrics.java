package org.switchboard.server.wiring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;
import org.switchboard.pbx.sipban.SipBanService;
import org.switchboard.sip.transport.InboundCounters;
import org.switchboard.sip.transport.SourceGuard;

/**
 * Puts the SIP inbound limits and the ban list on {@code /metrics}: what each limit refused, the
 * connections held, the limits themselves and the sources blocked now (docs/security.md).
 * Called once at start; the meters read the live counters at each scrape.
 */
final class SipSecurityMetrics {
    private SipSecurityMetrics() {}

    static void bind(MeterRegistry meters, SourceGuard guard, SipBanService bans) {
        InboundCounters c = guard.counters();
        dropped(meters, "banned", c, InboundCounters::droppedBanned);
        dropped(meters, "rate_limited", c, InboundCounters::droppedRateLimited);
        refused(meters, "per_source", c, InboundCounters::refusedPerSource);
        refused(meters, "total", c, InboundCounters::refusedTotal);
        refused(meters, "banned", c, InboundCounters::refusedBanned);
        FunctionCounter.builder("switchboard.sip.connections.closed.idle", c, InboundCounters::closedIdle)
                .description("SIP connections closed for carrying no REGISTER and staying silent").register(meters);
        Gauge.builder("switchboard.sip.connections.accepted", guard, SourceGuard::acceptedConnections)
                .description("Accepted SIP TCP/TLS connections open now").register(meters);
        Gauge.builder("switchboard.sip.connections.limit", guard, g -> g.limits().maxConnections())
                .description("Most accepted SIP TCP/TLS connections (after the file-handle reserve)").register(meters);
        Gauge.builder("switchboard.sip.connections.per.source.limit", guard, g -> g.limits().connectionsPerSource())
                .description("Most SIP TCP/TLS connections from one source address").register(meters);
        Gauge.builder("switchboard.sip.rate.limit.requests", guard, g -> g.limits().requestsPerWindow())
                .description("Requests one source may send per rate-limit window (0 = no limit)").register(meters);
        Gauge.builder("switchboard.sip.sources.blocked", bans, SipBanService::blockedCount)
                .description("Source addresses banned or held off now").register(meters);
        Gauge.builder("switchboard.process.files.open", FileHandles::open)
                .description("File handles this process holds open").register(meters);
    }

    private static void dropped(MeterRegistry meters, String reason, InboundCounters c,
            ToDoubleFunction<InboundCounters> read) {
        FunctionCounter.builder("switchboard.sip.inbound.dropped", c, read).tag("reason", reason)
                .description("SIP messages dropped unanswered at the transport").register(meters);
    }

    private static void refused(MeterRegistry meters, String reason, InboundCounters c,
            ToDoubleFunction<InboundCounters> read) {
        FunctionCounter.builder("switchboard.sip.connections.refused", c, read).tag("reason", reason)
                .description("SIP TCP/TLS connections closed as soon as they were accepted").register(meters);
    }
}
