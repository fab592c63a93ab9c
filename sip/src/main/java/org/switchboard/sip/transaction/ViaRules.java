package org.switchboard.sip.transaction;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.message.Via;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.Transport;

/**
 * The transport-level Via rules: stamping {@code received} and {@code rport} on arriving requests
 * (RFC 3261 §18.2.1, RFC 3581 §4) and choosing where a response goes (RFC 3261 §18.2.2, RFC 3581
 * §4). Stateless; any thread.
 */
final class ViaRules {
    private ViaRules() {}

    /** The request with its top Via stamped with the address and port it really came from. */
    static SipRequest stampReceived(SipRequest request, Flow flow) {
        Via top = request.topVia().orElseThrow();
        Via stamped = stampReceived(top, flow);
        return stamped == top ? request : request.withTopVia(stamped);
    }

    /** The Via with received/rport as they should be for a request that came on {@code flow}. */
    static Via stampReceived(Via top, Flow flow) {
        String source = flow.remote().getAddress().getHostAddress();
        if (top.hasRport()) {
            // RFC 3581 §4: with rport the received parameter is added even when it equals sent-by.
            return top.withReceived(source).withRport(flow.remote().getPort());
        }
        if (!sameAddress(top.host(), flow.remote().getAddress())) {
            return top.withReceived(source);
        }
        return top;
    }

    /**
     * Where a response to a request that arrived on {@code flow} goes. Reliable transports use the
     * flow (its connection when still open); UDP goes to the source port when rport was asked for,
     * else to {@code received} (or sent-by) and the sent-by port.
     */
    static Flow responseFlow(SipResponse response, Flow flow) {
        if (flow.transport().isReliable()) {
            return flow;
        }
        Via top = response.topVia().orElseThrow();
        if (top.hasRport()) {
            return flow;
        }
        String host = top.received().orElse(top.host());
        int port = top.port().orElse(Transport.UDP.defaultPort());
        InetSocketAddress target = new InetSocketAddress(literal(host), port);
        return new Flow(Transport.UDP, flow.local(), target);
    }

    private static boolean sameAddress(String viaHost, InetAddress source) {
        return viaHost.replace("[", "").replace("]", "").equalsIgnoreCase(source.getHostAddress());
    }

    /** Resolves only IP literals: a host name here would be a blocking DNS lookup on an event loop. */
    private static InetAddress literal(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            return InetAddress.ofLiteral(bare);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Via host is not an IP address: " + host, e);
        }
    }
}
