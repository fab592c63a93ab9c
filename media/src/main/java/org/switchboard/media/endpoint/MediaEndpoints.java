package org.switchboard.media.endpoint;

import io.netty.channel.EventLoop;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.switchboard.media.rtp.MediaUnavailableException;
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
        RelayStream stream = new RelayStream(label + " endpoint rtp", true, relay.settings().latching(), relay.ticker());
        MediaEndpoint endpoint = new MediaEndpoint(label, loop, ticker(loop), stream, relay.ticker(),
                relay.settings().mediaTimeout(), listener, events);
        return relay.bindPair(label, loop, new EndpointHandler(endpoint), EndpointHandler.RTCP)
                .thenApplyAsync(endpoint::start, loop);
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
