package org.switchboard.sip.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UDP, TCP and TLS listeners on Netty and the way out for every message: responses leave on
 * the connection their request came on, requests reuse an open connection to their destination or
 * open one. {@link #start()} and {@link #close()} are called by the thread that owns the stack;
 * {@code send} may be called from any thread and never blocks.
 */
public final class TransportLayer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TransportLayer.class);
    /**
     * Asked for the UDP listener's receive buffer: at 15,000 datagrams a second the default
     * (about 200 KiB, a few hundred datagrams) overflows during one 20 ms garbage collection
     * pause, and every datagram dropped there costs a retransmission 500 ms later. The kernel
     * grants at most {@code net.core.rmem_max}; the size granted is logged at start.
     */
    private static final int UDP_RECEIVE_BUFFER_BYTES = 4 << 20;
    /** The largest UDP payload over IPv4 (65,535 less the IP and UDP headers). */
    private static final int MAX_DATAGRAM_BYTES = 65_507;

    private final TransportSettings settings;
    private final FrameReceiver receiver;
    private final StackMetrics metrics;
    private final SourceGuard guard;
    private final ConnectionTable connections = new ConnectionTable();
    /** Unframeable streams, logged rate-limited per cause and source like unparseable messages. */
    private final InputFaultLog streamFaults = new InputFaultLog(Clock.systemUTC());
    private final Map<Transport, Channel> listeners = new EnumMap<>(Transport.class);
    private IoGroups io;
    private DatagramSender udpSender;
    private Optional<SslContext> serverTls = Optional.empty();
    private Optional<SslContext> clientTls = Optional.empty();

    public TransportLayer(TransportSettings settings, FrameReceiver receiver, StackMetrics metrics) {
        this(settings, receiver, metrics, SourceGuard.unlimited());
    }

    /** A transport layer whose inbound messages and accepted connections pass {@code guard} first. */
    public TransportLayer(TransportSettings settings, FrameReceiver receiver, StackMetrics metrics, SourceGuard guard) {
        this.settings = settings;
        this.receiver = guard.gate(receiver);
        this.metrics = metrics;
        this.guard = guard;
    }

    /** Binds every configured listener; returns once all are bound, or throws if one cannot be. */
    public void start() {
        io = IoGroups.create(settings.ioThreads());
        try {
            listeners.put(Transport.UDP, bindUdp());
            udpSender = new DatagramSender(listeners.get(Transport.UDP), metrics);
            listeners.put(Transport.TCP, bindStream(Transport.TCP, settings.tcpPort()));
            if (settings.tls().isPresent()) {
                TransportSettings.TlsListener tls = settings.tls().get();
                serverTls = Optional.of(TlsCertificates.serverContext(tls.certificate()));
                clientTls = Optional.of(TlsCertificates.clientContext(tls.trustedCertificates()));
                listeners.put(Transport.TLS, bindStream(Transport.TLS, tls.port()));
            }
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException("binding SIP transports on " + settings.bindAddress() + ": "
                    + e.getMessage(), e);
        }
        log.info("sip transports bound native={} udp={} udp_receive_buffer={} tcp={} tls={}", io.isNative(),
                localAddress(Transport.UDP), listeners.get(Transport.UDP).config().getOption(ChannelOption.SO_RCVBUF),
                localAddress(Transport.TCP), localAddressIfBound(Transport.TLS).map(Object::toString).orElse("off"));
    }

    /** Whether a listener for the transport is bound. */
    public boolean supports(Transport transport) {
        return listeners.containsKey(transport);
    }

    /** The address a transport's listener is bound to, with the actual port when 0 was asked. */
    public InetSocketAddress localAddress(Transport transport) {
        return localAddressIfBound(transport)
                .orElseThrow(() -> new IllegalStateException(transport + " listener is not bound"));
    }

    private Optional<InetSocketAddress> localAddressIfBound(Transport transport) {
        return Optional.ofNullable(listeners.get(transport)).map(c -> (InetSocketAddress) c.localAddress());
    }

    /**
     * Sends on a flow: UDP from the listener to the flow's remote address, TCP/TLS on the flow's
     * connection, or on a new connection to its remote address when that one has closed.
     */
    public CompletableFuture<Flow> send(byte[] message, Flow flow) {
        return send(message, flow.transport(), flow.remote());
    }

    /** Sends a message to a destination, reusing an open connection to it for TCP and TLS. */
    public CompletableFuture<Flow> send(byte[] message, Transport transport, InetSocketAddress destination) {
        if (!supports(transport)) {
            return CompletableFuture.failedFuture(new IllegalStateException(transport + " is not enabled"));
        }
        if (transport == Transport.UDP) {
            return udpSender.send(message, destination);
        }
        Optional<Channel> open = connections.find(transport, destination);
        if (open.isPresent()) {
            return write(open.get(), Unpooled.wrappedBuffer(message), flowOf(transport, open.get()));
        }
        CompletableFuture<Flow> result = new CompletableFuture<>();
        connect(transport, destination).addListener((ChannelFuture connected) -> {
            if (!connected.isSuccess()) {
                result.completeExceptionally(connected.cause());
                return;
            }
            Channel channel = connected.channel();
            // Netty completes the connect promise before channelActive runs, so register here too:
            // a second request sent right after this one must find the connection.
            connections.add(transport, destination, channel);
            write(channel, Unpooled.wrappedBuffer(message), flowOf(transport, channel)).whenComplete((flow, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(flow);
                }
            });
        });
        return result;
    }

    /** Number of open TCP and TLS connections. */
    public int openConnections() {
        return connections.size();
    }

    @Override
    public void close() {
        if (io == null) {
            return;
        }
        if (udpSender != null) {
            udpSender.close(); // before the channel: no direct send may reach a closed descriptor
        }
        listeners.values().forEach(Channel::close);
        io.group().shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        listeners.clear();
        io = null;
    }

    private CompletableFuture<Flow> write(Channel channel, Object payload, Flow flow) {
        CompletableFuture<Flow> result = new CompletableFuture<>();
        channel.writeAndFlush(payload).addListener(written -> {
            if (written.isSuccess()) {
                metrics.messageSent(flow.transport());
                result.complete(flow);
            } else {
                result.completeExceptionally(written.cause());
            }
        });
        return result;
    }

    private static Flow flowOf(Transport transport, Channel channel) {
        return new Flow(transport, (InetSocketAddress) channel.localAddress(), (InetSocketAddress) channel.remoteAddress());
    }

    private Channel bindUdp() {
        return new Bootstrap()
                .group(io.group())
                .channel(io.datagramChannel())
                .option(ChannelOption.SO_RCVBUF, UDP_RECEIVE_BUFFER_BYTES)
                // Netty reads a datagram into 2 KiB by default and cuts the rest: a 3.5 KiB INVITE
                // (RFC 4475 §3.1.1.7, or any phone's with a long SDP) must arrive whole.
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM_BYTES))
                .handler(new DatagramMessageHandler(receiver, metrics))
                .bind(settings.bindAddress(), settings.udpPort())
                .syncUninterruptibly()
                .channel();
    }

    private Channel bindStream(Transport transport, int port) {
        return new ServerBootstrap()
                .group(io.group())
                .channel(io.serverChannel())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(streamInitializer(transport, Optional.empty()))
                .bind(settings.bindAddress(), port)
                .syncUninterruptibly()
                .channel();
    }

    private ChannelFuture connect(Transport transport, InetSocketAddress destination) {
        return new Bootstrap()
                .group(io.group())
                .channel(io.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(streamInitializer(transport, Optional.of(destination)))
                .connect(destination);
    }

    private ChannelInitializer<Channel> streamInitializer(Transport transport, Optional<InetSocketAddress> clientPeer) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel channel) {
                if (clientPeer.isEmpty()) {
                    channel.pipeline().addLast(new AcceptedConnectionGuard(guard)); // before TLS costs a handshake
                }
                if (transport == Transport.TLS && clientPeer.isPresent()) {
                    // Host and port let the engine check the peer's certificate names the address.
                    InetSocketAddress peer = clientPeer.get();
                    channel.pipeline().addLast(
                            clientTls.orElseThrow().newHandler(channel.alloc(), peer.getHostString(), peer.getPort()));
                } else if (transport == Transport.TLS) {
                    channel.pipeline().addLast(serverTls.orElseThrow().newHandler(channel.alloc()));
                }
                long idleMillis = settings.idleConnectionTimeout().toMillis();
                channel.pipeline()
                        .addLast(new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS))
                        .addLast(new StreamFrameDecoder(settings.maxMessageBytes()));
                if (clientPeer.isEmpty()) {
                    // Accepted: one that carries no registration flow goes early (SourceGuard).
                    channel.pipeline().addLast(new RegistrationFlowIdle(guard, guard.limits().unregisteredIdleTimeout()));
                }
                channel.pipeline().addLast(new StreamMessageHandler(transport, connections, receiver, metrics, streamFaults));
            }
        };
    }
}
