package org.switchboard.media.rtp;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Ticker;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RTP relay: owns the {@code rtp-io-} event loops and the port pool, and opens a {@link RelaySession} per
 * anchored call. All four sockets of a session live on one event loop, so the per-packet path needs no locks.
 *
 * <p>Thread-safe: call executors open sessions concurrently; {@link #close()} is for server shutdown.
 */
public final class RtpRelay implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RtpRelay.class);
    /** Pairs tried before giving up when ports of the range are taken by another process. */
    private static final int BIND_ATTEMPTS = 8;

    private final RelaySettings settings;
    private final Ticker ticker;
    private final RtpPortPool pool;
    private final EventLoopGroup group;

    /** A relay on the system clock. */
    public RtpRelay(RelaySettings settings) {
        this(settings, Ticker.systemTicker());
    }

    /** A relay whose latching and timeouts read {@code ticker}, so tests can move time. */
    public RtpRelay(RelaySettings settings, Ticker ticker) {
        this.settings = settings;
        this.ticker = ticker;
        this.pool = new RtpPortPool(settings.portMin(), settings.portMax());
        this.group = new MultiThreadIoEventLoopGroup(
                settings.ioThreads(),
                new DefaultThreadFactory("rtp-io", true),
                settings.transport().ioHandlerFactory());
        log.info("rtp relay started transport={} ports={}-{} threads={}",
                settings.transport(), settings.portMin(), settings.portMax(), settings.ioThreads());
    }

    /**
     * Opens a session for a call labelled {@code label} (normally its Call-ID): binds an RTP/RTCP pair per leg.
     * Completes with the session, or fails with {@link MediaUnavailableException} when no pair can be bound.
     * {@code timeoutListener} is called on the event loop.
     */
    public CompletableFuture<RelaySession> open(String label, MediaTimeoutListener timeoutListener) {
        CompletableFuture<RelaySession> result = new CompletableFuture<>();
        attempt(label, timeoutListener, result, BIND_ATTEMPTS);
        return result;
    }

    /** How many port pairs are free: two per session are in use. */
    public int availablePortPairs() {
        return pool.available();
    }

    private void attempt(
            String label, MediaTimeoutListener listener, CompletableFuture<RelaySession> result, int attemptsLeft) {
        Optional<PortPair> a = pool.allocate();
        Optional<PortPair> b = a.isPresent() ? pool.allocate() : Optional.empty();
        if (b.isEmpty()) {
            a.ifPresent(pool::release);
            result.completeExceptionally(new MediaUnavailableException("no free RTP port pair for " + label));
            return;
        }
        EventLoop loop = group.next();
        RelaySession session = new RelaySession(label, loop, pool, a.get(), b.get(),
                local(a.get().rtpPort()), local(b.get().rtpPort()), settings, ticker, listener);
        AtomicInteger pending = new AtomicInteger(4);
        AtomicInteger failures = new AtomicInteger();
        for (Leg leg : Leg.values()) {
            PortPair pair = session.ports(leg);
            for (boolean isRtp : new boolean[] {true, false}) {
                RelayStream in = session.stream(leg, isRtp);
                RelayStream out = session.stream(leg.other(), isRtp);
                ChannelFuture bound = new Bootstrap()
                        .group(loop)
                        .channelFactory(settings.transport()::newChannel)
                        .handler(new RelayHandler(in, out))
                        .bind(local(isRtp ? pair.rtpPort() : pair.rtcpPort()));
                bound.addListener(f -> {
                    // bind listeners run on the session's event loop
                    Channel channel = bound.channel();
                    if (f.isSuccess()) {
                        in.attach(channel);
                        session.adopt(channel);
                    } else {
                        failures.incrementAndGet();
                        log.debug("rtp bind failed port={} cause={}", channel.localAddress(), f.cause().toString());
                    }
                    if (pending.decrementAndGet() == 0) {
                        finish(session, failures.get() == 0, label, listener, result, attemptsLeft);
                    }
                });
            }
        }
    }

    private void finish(RelaySession session, boolean bound, String label, MediaTimeoutListener listener,
            CompletableFuture<RelaySession> result, int attemptsLeft) {
        if (bound) {
            session.start();
            result.complete(session);
            return;
        }
        // another process holds a port of our range: give these pairs back (they go to the end of the queue)
        session.close().whenComplete((ignored, error) -> {
            if (attemptsLeft > 1) {
                // JDK NIO frees a closed socket's port only at its selector's next select; retrying on a later
                // turn of the loop lets the pairs just closed be bound again when the range is small
                group.schedule(() -> attempt(label, listener, result, attemptsLeft - 1), 1, TimeUnit.MILLISECONDS);
            } else {
                result.completeExceptionally(new MediaUnavailableException(
                        "could not bind an RTP port pair for " + label + " after " + BIND_ATTEMPTS + " attempts"));
            }
        });
    }

    /**
     * The next of the relay's event loops, round-robin: where a media endpoint the PBX terminates puts its socket
     * and its state, like a session.
     */
    public EventLoop nextLoop() {
        return group.next();
    }

    /** The relay's settings: bind address, port range, media timeout, latching rule. */
    public RelaySettings settings() {
        return settings;
    }

    /** The time source of latching and media timeouts. */
    public Ticker ticker() {
        return ticker;
    }

    /**
     * Binds one RTP/RTCP pair from the relay's port range on {@code loop}, for a media endpoint the PBX terminates
     * (voicemail, attendant, conference): its sockets come from the same range as relayed calls. Completes on
     * {@code loop}, or fails with {@link MediaUnavailableException} when no pair can be bound.
     */
    public CompletableFuture<BoundPorts> bindPair(
            String label, EventLoop loop, ChannelHandler rtpHandler, ChannelHandler rtcpHandler) {
        CompletableFuture<BoundPorts> result = new CompletableFuture<>();
        attemptPair(label, loop, rtpHandler, rtcpHandler, result, BIND_ATTEMPTS);
        return result;
    }

    private void attemptPair(String label, EventLoop loop, ChannelHandler rtpHandler, ChannelHandler rtcpHandler,
            CompletableFuture<BoundPorts> result, int attemptsLeft) {
        Optional<PortPair> allocated = pool.allocate();
        if (allocated.isEmpty()) {
            result.completeExceptionally(new MediaUnavailableException("no free RTP port pair for " + label));
            return;
        }
        PortPair pair = allocated.get();
        ChannelFuture rtp = bindOne(loop, rtpHandler, pair.rtpPort());
        ChannelFuture rtcp = bindOne(loop, rtcpHandler, pair.rtcpPort());
        BoundPorts ports = new BoundPorts(pair, rtp.channel(), rtcp.channel(), pool);
        AtomicInteger pending = new AtomicInteger(2);
        for (ChannelFuture bound : List.of(rtp, rtcp)) {
            bound.addListener(f -> {
                if (pending.decrementAndGet() > 0) {
                    return;
                }
                if (rtp.isSuccess() && rtcp.isSuccess()) {
                    result.complete(ports);
                    return;
                }
                log.debug("rtp endpoint bind failed label={} port={}", label, pair.rtpPort());
                ports.close().whenComplete((ignored, error) -> {
                    if (attemptsLeft > 1) {
                        // as in attempt(): a later loop turn lets NIO free the ports just closed
                        loop.schedule(() -> attemptPair(label, loop, rtpHandler, rtcpHandler, result, attemptsLeft - 1),
                                1, TimeUnit.MILLISECONDS);
                    } else {
                        result.completeExceptionally(new MediaUnavailableException("could not bind an RTP port pair for "
                                + label + " after " + BIND_ATTEMPTS + " attempts"));
                    }
                });
            });
        }
    }

    private ChannelFuture bindOne(EventLoop loop, ChannelHandler handler, int port) {
        return new Bootstrap()
                .group(loop)
                .channelFactory(settings.transport()::newChannel)
                .handler(handler)
                .bind(local(port));
    }

    private InetSocketAddress local(int port) {
        return new InetSocketAddress(settings.bindAddress(), port);
    }

    /** Stops the event loops; sessions still open lose their sockets. Waits for the loops to end. */
    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        log.info("rtp relay stopped");
    }
}
