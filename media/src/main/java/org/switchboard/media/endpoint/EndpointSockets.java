package org.switchboard.media.endpoint;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import org.switchboard.media.rtp.BoundPorts;
import org.switchboard.media.rtp.Leg;
import org.switchboard.media.rtp.PortPair;
import org.switchboard.media.rtp.RelaySession;

/**
 * Where an endpoint's packets come and go: its own port pair ({@link #own}), or one leg of a relay session it
 * holds for a while ({@link #diverted}, music on hold). Immutable.
 */
interface EndpointSockets {
    PortPair ports();

    InetSocketAddress localRtp();

    /** Whether the endpoint owns the stream: then {@link MediaEndpoint#setRemote} may signal its peer address. */
    boolean ownsStream();

    /** Gives the sockets back: closes own ones, restores relaying on a diverted leg. */
    CompletableFuture<Void> release();

    static EndpointSockets own(BoundPorts bound) {
        return new EndpointSockets() {
            @Override
            public PortPair ports() {
                return bound.ports();
            }

            @Override
            public InetSocketAddress localRtp() {
                return (InetSocketAddress) bound.rtp().localAddress();
            }

            @Override
            public boolean ownsStream() {
                return true;
            }

            @Override
            public CompletableFuture<Void> release() {
                return bound.close();
            }
        };
    }

    static EndpointSockets diverted(RelaySession session, Leg leg) {
        return new EndpointSockets() {
            @Override
            public PortPair ports() {
                return session.ports(leg);
            }

            @Override
            public InetSocketAddress localRtp() {
                return session.localRtp(leg);
            }

            @Override
            public boolean ownsStream() {
                return false;
            }

            @Override
            public CompletableFuture<Void> release() {
                return session.undivert(leg);
            }
        };
    }
}
