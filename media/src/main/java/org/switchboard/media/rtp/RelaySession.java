package org.switchboard.media.rtp;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.concurrent.Ticker;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media anchor of one call: two legs, each with a local RTP/RTCP socket pair, relaying A's packets to B's
 * peer and back. The PBX tells it each leg's peer from SDP ({@link #signalPeer}), reads counters ({@link
 * #stats()}), is told of silent legs, and closes it when the call ends. Each leg's peer receives one RTP stream
 * from the PBX ({@link OutgoingStream}), whether the other leg or a diverting PBX endpoint feeds it, and RTCP
 * translated to match ({@link RtcpTranslation}).
 *
 * <p>Any thread may call the public methods: they post to the session's {@code rtp-io-} event loop, which owns
 * all its state.
 */
public final class RelaySession {
    private static final Logger log = LoggerFactory.getLogger(RelaySession.class);

    private final String label;
    private final EventLoop loop;
    private final RtpPortPool pool;
    private final PortPair[] ports;
    private final InetSocketAddress[] localRtp;
    private final RelayStream[] rtp = new RelayStream[2];
    private final RelayStream[] rtcp = new RelayStream[2];
    private final SilenceWatch[] silence = new SilenceWatch[2];
    private final long timeoutNanos;
    private final Ticker ticker;
    private final MediaTimeoutListener timeoutListener;
    private final List<Channel> channels = new ArrayList<>(4);
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private ScheduledFuture<?> timeoutCheck;
    private boolean closing;

    RelaySession(
            String label,
            EventLoop loop,
            RtpPortPool pool,
            PortPair portsA,
            PortPair portsB,
            InetSocketAddress localA,
            InetSocketAddress localB,
            RelaySettings settings,
            Ticker ticker,
            MediaTimeoutListener timeoutListener) {
        this.label = label;
        this.loop = loop;
        this.pool = pool;
        this.ports = new PortPair[] {portsA, portsB};
        this.localRtp = new InetSocketAddress[] {localA, localB};
        this.timeoutNanos = settings.mediaTimeout().toNanos();
        this.ticker = ticker;
        this.timeoutListener = timeoutListener;
        OutgoingStream[] outgoing = {new OutgoingStream(), new OutgoingStream()};
        for (Leg leg : Leg.values()) {
            int i = leg.ordinal();
            rtp[i] = new RelayStream(label + " " + leg + " rtp", settings.latching(), ticker, outgoing[i]);
            rtcp[i] = new RelayStream(label + " " + leg + " rtcp", false, settings.latching(), ticker,
                    new RtcpTranslation(outgoing[i], outgoing[1 - i]));
            silence[i] = new SilenceWatch(timeoutNanos, ticker.nanoTime());
        }
    }

    /** The stream of {@code leg}, RTP or RTCP; for the relay's wiring on the event loop. */
    RelayStream stream(Leg leg, boolean isRtp) {
        return isRtp ? rtp[leg.ordinal()] : rtcp[leg.ordinal()];
    }

    /** Records a bound socket so {@link #close()} closes it; on the event loop. */
    void adopt(Channel channel) {
        channels.add(channel);
    }

    /** Starts the media timeout checks; on the event loop, once every socket is bound. */
    void start() {
        long period = Math.clamp(timeoutNanos / 4, TimeUnit.MILLISECONDS.toNanos(10), TimeUnit.SECONDS.toNanos(1));
        timeoutCheck = loop.scheduleAtFixedRate(this::checkMediaTimeouts, period, period, TimeUnit.NANOSECONDS);
        log.debug("relay session opened label={} a={} b={}", label, localRtp[0], localRtp[1]);
    }

    /** The event loop that owns this session and its sockets. */
    public EventLoop eventLoop() {
        return loop;
    }

    /** The bound sockets; read once {@link RtpRelay#open} completed, which happens after they were adopted. */
    List<Channel> sockets() {
        return List.copyOf(channels);
    }

    /** The PBX's label for this session (normally the Call-ID), used in log lines. */
    public String label() {
        return label;
    }

    /** The local RTP/RTCP ports of {@code leg}: what the PBX puts in the SDP it sends to that leg's peer. */
    public PortPair ports(Leg leg) {
        return ports[leg.ordinal()];
    }

    /** The local RTP socket address of {@code leg}. */
    public InetSocketAddress localRtp(Leg leg) {
        return localRtp[leg.ordinal()];
    }

    /**
     * Sets where {@code leg}'s peer said (in SDP) it receives RTP and RTCP. Packets go there until the peer's
     * own packets latch its real source. Completes once the event loop applied it.
     */
    public CompletableFuture<Void> signalPeer(Leg leg, InetSocketAddress peerRtp, InetSocketAddress peerRtcp) {
        return CompletableFuture.runAsync(() -> {
            rtp[leg.ordinal()].signal(peerRtp);
            rtcp[leg.ordinal()].signal(peerRtcp);
        }, loop);
    }

    /**
     * Whether {@code leg} is expected to send RTP; false while it is on hold (sendonly/inactive towards us), so
     * its silence is not a media timeout. Setting it true re-arms the timeout from now. Completes once applied.
     */
    public CompletableFuture<Void> expectMedia(Leg leg, boolean expected) {
        return CompletableFuture.runAsync(() -> silence[leg.ordinal()].expect(expected, ticker.nanoTime()), loop);
    }

    /**
     * Diverts {@code leg}'s RTP to a PBX media endpoint: what the leg's peer sends goes to {@code receiver} instead
     * of the other leg, the other leg's packets no longer reach this peer, and the returned stream (this leg's RTP
     * stream, latched on the peer) carries what the endpoint sends, as the continuation of the stream the peer
     * already receives. Used for music on hold and prompts to one party of a bridged call, without re-INVITE: the
     * peer keeps talking to the same port. Completes once applied;
     * {@link #undivert} restores relaying.
     */
    public CompletableFuture<RelayStream> divert(Leg leg, PacketReceiver receiver) {
        return CompletableFuture.supplyAsync(() -> {
            RelayStream stream = rtp[leg.ordinal()];
            stream.divert(receiver);
            return stream;
        }, loop);
    }

    /**
     * Shows every RTP packet either leg's peer sends to {@code tap} (call recording), until {@link #untap}; the
     * packets are relayed as before. Completes once applied.
     */
    public CompletableFuture<Void> tap(RelayTap tap) {
        return CompletableFuture.runAsync(() -> {
            for (Leg leg : Leg.values()) {
                rtp[leg.ordinal()].tap(packet -> tap.copy(leg, packet));
            }
        }, loop);
    }

    /** No packet goes to the tap any more; completes on the event loop once applied, so the tap may finish there. */
    public CompletableFuture<Void> untap() {
        return CompletableFuture.runAsync(() -> {
            for (Leg leg : Leg.values()) {
                rtp[leg.ordinal()].tap(null);
            }
        }, loop);
    }

    /** Relays {@code leg} again after {@link #divert}. Completes once applied. */
    public CompletableFuture<Void> undivert(Leg leg) {
        return CompletableFuture.runAsync(() -> rtp[leg.ordinal()].undivert(), loop);
    }

    /**
     * Encrypts {@code leg} with SRTP keyed by {@code keys} (its RTP and RTCP; what it receives is unprotected, what
     * it is sent is protected), or plain RTP again when empty. Keys that a renegotiation repeats keep their
     * context, so no keystream is reused. Completes once applied.
     */
    public CompletableFuture<Void> secure(Leg leg, Optional<SrtpKeys> keys) {
        return CompletableFuture.runAsync(() -> {
            RelayStream stream = rtp[leg.ordinal()];
            LegSecurity now = stream.security();
            LegSecurity next = keys.map(k -> now == null ? LegSecurity.of(k) : now.rekeyed(k)).orElse(null);
            stream.secure(next);
            rtcp[leg.ordinal()].secure(next);
        }, loop);
    }

    /** A snapshot of the counters, taken on the event loop. */
    public CompletableFuture<RelayStats> stats() {
        return CompletableFuture.supplyAsync(
                () -> new RelayStats(legStats(Leg.A), legStats(Leg.B)), loop);
    }

    private LegStats legStats(Leg leg) {
        int i = leg.ordinal();
        return new LegStats(rtp[i].snapshot(), rtcp[i].snapshot(), silence[i].timedOut());
    }

    private void checkMediaTimeouts() {
        long now = ticker.nanoTime();
        for (Leg leg : Leg.values()) {
            int i = leg.ordinal();
            long lastReceived = rtp[i].lastReceivedNanos();
            long silentFor = now - Math.max(lastReceived, silence[i].armedAtNanos());
            if (silence[i].check(now, lastReceived)) {
                log.info("rtp media timeout label={} leg={} silentFor={}", label, leg, Duration.ofNanos(silentFor));
                notifyTimeout(leg);
            }
        }
    }

    private void notifyTimeout(Leg leg) {
        try {
            timeoutListener.onMediaTimeout(this, leg);
        } catch (RuntimeException e) {
            // a failing listener must not cancel the periodic check of this session
            log.warn("media timeout listener failed label={} leg={}", label, leg, e);
        }
    }

    /** Closes the sockets and returns the ports to the pool; completes once they are free. Idempotent. */
    public CompletableFuture<Void> close() {
        loop.execute(this::closeOnLoop);
        return closed;
    }

    private void closeOnLoop() {
        if (closing) {
            return;
        }
        closing = true;
        if (timeoutCheck != null) {
            timeoutCheck.cancel(false);
        }
        AtomicInteger remaining = new AtomicInteger(channels.size());
        Runnable releasePorts = () -> {
            pool.release(ports[0]);
            pool.release(ports[1]);
            log.debug("relay session closed label={}", label);
            closed.complete(null);
        };
        if (channels.isEmpty()) {
            releasePorts.run();
            return;
        }
        for (Channel channel : channels) {
            channel.close().addListener(f -> {
                if (remaining.decrementAndGet() == 0) {
                    releasePorts.run();
                }
            });
        }
    }
}
