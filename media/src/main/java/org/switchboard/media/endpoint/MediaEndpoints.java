package org.switchboard.media.endpoint;

import io.netty.channel.EventLoop;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.switchboard.media.rtp.Leg;
import org.switchboard.media.rtp.MediaUnavailableException;
import org.switchboard.media.rtp.RelaySession;
import org.switchboard.media.rtp.RelayStream;
import org.switchboard.media.rtp.RtpRelay;

/**
 * Opens the media endpoints and mixers the PBX terminates, on the relay's {@code rtp-io-} event loops and with
 * ports from the relay's range (so {@code rtp.port_min}/{@code port_max} bound relayed and terminated media
 * together), all paced by one {@link MediaClock}. One per server, beside the {@link RtpRelay}; closed before it.
 *
 * <p>Thread-safe: call executors open endpoints concurrently.
 */
public final class MediaEndpoints implements AutoCloseable {
    private final RtpRelay relay;
    private final MediaClock clock = new MediaClock();
    private final Map<EventLoop, LoopTicker> tickers = new ConcurrentHashMap<>();

    /** Endpoints on {@code relay}'s loops and ports; starts the shared clock. */
    public MediaEndpoints(RtpRelay relay) {
        this.relay = relay;
    }

    /**
     * Opens an endpoint labelled {@code label} (Call-ID and leg, for log lines) whose events go to {@code listener}
     * on {@code events} (the call's executor). Completes, on the endpoint's event loop, once its port pair is bound;
     * fails with {@link MediaUnavailableException} when the range has no free pair. Never blocks.
     */
    public CompletableFuture<MediaEndpoint> open(String label, MediaEventListener listener, Executor events) {
        EventLoop loop = relay.nextLoop();
        MediaEndpoint endpoint = endpoint(label, loop, listener, events);
        RelayStream stream = new RelayStream(label + " endpoint rtp", true, relay.settings().latching(), relay.ticker());
        return relay.bindPair(label, loop, new EndpointHandler(endpoint), EndpointHandler.RTCP)
                .thenApplyAsync(bound -> {
                    stream.attach(bound.rtp());
                    return endpoint.start(EndpointSockets.own(bound), stream);
                }, loop);
    }

    /**
     * Attaches an endpoint to leg {@code leg} of a bridged call's relay session, for music on hold or a prompt to
     * one party: while attached, the endpoint speaks to that leg's peer through the leg's own socket (no
     * re-INVITE: the phone keeps the port it knows), receives what the peer sends (DTMF, recording), and the other
     * leg's audio no longer reaches this peer. {@link MediaEndpoint#close()} detaches it and relaying resumes.
     * Give {@link MediaEndpoint#setRemote} the leg's codec and payload types (its address is ignored). Completes
     * on the session's event loop.
     */
    public CompletableFuture<MediaEndpoint> attach(RelaySession session, Leg leg, MediaEventListener listener,
            Executor events) {
        EventLoop loop = session.eventLoop();
        MediaEndpoint endpoint = endpoint(session.label() + " " + leg + " held", loop, listener, events);
        return session.divert(leg, endpoint.receiver())
                .thenApplyAsync(stream -> endpoint.start(EndpointSockets.diverted(session, leg), stream), loop);
    }

    private MediaEndpoint endpoint(String label, EventLoop loop, MediaEventListener listener, Executor events) {
        return new MediaEndpoint(label, loop, ticker(loop), relay.ticker(), relay.settings().mediaTimeout(),
                listener, events);
    }

    /** A new, empty mixer labelled {@code label} (the conference's name), on one of the relay's loops. */
    public Mixer newMixer(String label) {
        EventLoop loop = relay.nextLoop();
        return new Mixer(label, loop, ticker(loop));
    }

    /** The shared clock: its tick is the position of every {@link SharedSource}. */
    public MediaClock clock() {
        return clock;
    }

    private LoopTicker ticker(EventLoop loop) {
        return tickers.computeIfAbsent(loop, clock::register);
    }

    /** Stops the clock; endpoints still open stop sending. Their sockets close with the relay. */
    @Override
    public void close() {
        clock.close();
    }
}
