package org.switchboard.sip.transport;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * The path a message travelled or will travel: transport plus local and remote socket address
 * (the RFC 5626 "flow"). For TCP and TLS the pair of addresses names exactly one connection, so a
 * response or a request for the same flow reuses it. Immutable; any thread.
 */
public record Flow(Transport transport, InetSocketAddress local, InetSocketAddress remote) {
    public Flow {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
    }

    @Override
    public String toString() {
        return transport + " " + local.getAddress().getHostAddress() + ":" + local.getPort() + " <-> "
                + remote.getAddress().getHostAddress() + ":" + remote.getPort();
    }
}
