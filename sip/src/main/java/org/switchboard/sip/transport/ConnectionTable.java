package org.switchboard.sip.transport;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open TCP and TLS connections, keyed by transport and remote address, so responses and new
 * requests to the same peer reuse a connection (RFC 3261 §18.2.2, RFC 5626 flows). Updated from
 * event loop threads and read from any thread, hence a concurrent map.
 */
final class ConnectionTable {
    private record Key(Transport transport, InetSocketAddress remote) {}

    private final Map<Key, Channel> connections = new ConcurrentHashMap<>();

    void add(Transport transport, InetSocketAddress remote, Channel channel) {
        connections.put(new Key(transport, remote), channel);
    }

    void remove(Transport transport, InetSocketAddress remote, Channel channel) {
        connections.remove(new Key(transport, remote), channel);
    }

    Optional<Channel> find(Transport transport, InetSocketAddress remote) {
        Channel channel = connections.get(new Key(transport, remote));
        return channel != null && channel.isActive() ? Optional.of(channel) : Optional.empty();
    }

    int size() {
        return connections.size();
    }
}
