package org.switchboard.media.endpoint;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Ticker;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.switchboard.media.dtmf.Dtmf;
import org.switchboard.media.dtmf.DtmfMethod;
import org.switchboard.media.rtp.PacketReceiver;
import org.switchboard.media.rtp.PortPair;
import org.switchboard.media.rtp.RelayStream;
import org.switchboard.media.rtp.RtpPacket;
import org.switchboard.media.rtp.SilenceWatch;
import org.switchboard.media.srtp.SrtpContext;
import org.switchboard.media.srtp.SrtpMasterKey;
import org.switchboard.media.srtp.SrtpSuite;

/**
 * One leg's media terminated by the PBX itself (voicemail, the attendant, a conference seat): an RTP/RTCP port
 * pair from the relay's range, a paced G.711 source ticked by the shared {@link MediaClock}, playback of {@link
 * AudioSource}s, recording to a {@link RecordingSink}, DTMF both ways (RFC 4733 events, inband tones) and a seat
 * in a {@link Mixer}.
 *
 * <p>Use: {@link MediaEndpoints#open} → put {@link #ports()} in the SDP → {@link #setRemote} from the peer's SDP
 * → {@link #play}, {@link #record}, {@link #sendDtmf} as the application goes → {@link #close()} on hang-up.
 * Events arrive at the {@link MediaEventListener} on the executor given to {@code open}.
 *
 * <p>Any thread may call the public methods: they post to the endpoint's {@code rtp-io-} event loop, which owns
 * all its state (so they return before the action took effect; events report outcomes). Per packet received or
 * sent nothing is allocated: frames, jitter buffer slots and rings are preallocated, and buffers come from Netty's
 * pooled allocator.
 */
public final class MediaEndpoint {
    /** Longest DTMF press {@link #sendDtmf} sends: the RFC 4733 duration field holds 8.19 s at 8 kHz. */
    public static final Duration MAX_DTMF = Duration.ofSeconds(5);
    private static final int FRAME = MediaClock.SAMPLES_PER_FRAME;
    /** Ticks between media timeout checks: 500 ms. */
    private static final int TIMEOUT_CHECK_TICKS = 25;
    /** Frames buffered from the mixer before its output is sent, to absorb the two loops ticking out of step. */
    private static final int MIX_PRIME_FRAMES = 2;
    /** Room after each packet for the SRTP trailer (MKI up to 4 bytes and an 80-bit tag), so it is not regrown. */
    private static final int SRTP_ROOM = 16;

    private final String label;
    private final EventLoop loop;
    private final LoopTicker ticker;
    private final Ticker time;
    private final long mediaTimeoutNanos;
    private final MediaEventListener listener;
    private final Executor events;
    private final RtpPacketizer rtp = new RtpPacketizer(ThreadLocalRandom.current());
    private final JitterBuffer jitter = new JitterBuffer();
    private final TelephoneEventDetector eventDetector = new TelephoneEventDetector();
    private final TelephoneEventSender eventSender = new TelephoneEventSender();
    private final InbandDtmfDetector inband = new InbandDtmfDetector();
    private final AtomicLong playbackIds = new AtomicLong();
    private final short[] frame = new short[FRAME];
    private final short[] decoded = new short[JitterBuffer.MAX_PAYLOAD];
    private final byte[] encoded = new byte[FRAME];
    private final FrameConsumer onFrame = this::onFrame;
    private final PacketReceiver receiver = this::receiveAccepted;
    private final Tickable pacer = this::tick;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    // set once on the loop by start(), before the endpoint is handed out
    private EndpointSockets sockets;
    private RelayStream stream;

    // owned by the event loop
    private RemoteMedia remote;
    private G711 law = G711.PCMU;
    private int audioPayloadType = -1;
    private int eventPayloadType = -1;
    private AudioSource playing;
    private long playingId;
    private AudioSource toneDigit;
    private ActiveRecording recording;
    private Mixer.Party party;
    private boolean inbandDetection = true;
    private SilenceWatch silence;
    private long unknownPayloadType;
    private boolean closing;
    // SRTP (RFC 3711) towards the peer when the SDP agreed RTP/SAVP; null for plain RTP
    private SrtpContext srtpSend;
    private SrtpContext srtpReceive;
    private long srtpRejected;

    MediaEndpoint(String label, EventLoop loop, LoopTicker ticker, Ticker time,
            Duration mediaTimeout, MediaEventListener listener, Executor events) {
        this.label = label;
        this.loop = loop;
        this.ticker = ticker;
        this.time = time;
        this.mediaTimeoutNanos = mediaTimeout.toNanos();
        this.listener = listener;
        this.events = events;
    }

    /**
     * Takes its sockets and the RTP stream that sends to the peer and starts ticking; on the loop, before the
     * endpoint is handed out.
     */
    MediaEndpoint start(EndpointSockets endpointSockets, RelayStream rtpStream) {
        sockets = endpointSockets;
        stream = rtpStream;
        silence = new SilenceWatch(mediaTimeoutNanos, time.nanoTime());
        ticker.add(pacer, false);
        return this;
    }

    /** The label given at open (normally the Call-ID and leg), for log lines. */
    public String label() {
        return label;
    }

    /** The local RTP/RTCP ports: what goes in the m= line of the SDP sent to the peer. */
    public PortPair ports() {
        return sockets.ports();
    }

    /** The local RTP socket address (the relay's bind address and the RTP port). */
    public InetSocketAddress localRtp() {
        return sockets.localRtp();
    }

    /**
     * Sets the peer from its SDP: where to send, which codec and payload types. Packets are sent from the next tick
     * on; until then received packets are counted but not used. A changed address clears the latched source. An
     * endpoint {@linkplain MediaEndpoints#attach attached} to a relay leg ignores the address: the relay already
     * knows that peer.
     */
    public void setRemote(RemoteMedia media) {
        loop.execute(() -> {
            remote = media;
            law = G711.of(media.codec());
            audioPayloadType = media.payloadType();
            eventPayloadType = media.telephoneEventPayloadType().orElse(-1);
            if (sockets.ownsStream()) {
                media.rtp().ifPresent(stream::signal);
            }
        });
    }

    /**
     * Encrypts the media with SRTP from now on, as an SDES exchange agreed (docs/srtp.md): packets sent are
     * protected under {@code localKey} (the key in the PBX's {@code a=crypto} line), packets received must be
     * authentic under {@code peerKey} (the peer's line) and are dropped and counted
     * ({@link EndpointStats#srtpRejected()}) otherwise, before they can latch the stream. Only for an endpoint
     * with its own sockets: an endpoint attached to a relay leg gets that leg's packets from the relay.
     * RTCP is neither sent nor read by endpoints, so SRTCP is not needed.
     */
    public void useSrtp(SrtpSuite suite, SrtpMasterKey localKey, SrtpMasterKey peerKey) {
        if (!sockets.ownsStream()) {
            throw new IllegalStateException("SRTP on an attached endpoint belongs to the relay leg");
        }
        SrtpContext send = new SrtpContext(suite, localKey);
        SrtpContext receive = new SrtpContext(suite, peerKey);
        loop.execute(() -> {
            srtpSend = send;
            srtpReceive = receive;
        });
    }

    /**
     * Plays {@code source} from the next tick, replacing what is playing (which ends with {@link
     * PlaybackEnd#REPLACED}). Returns the playback's number, carried by its {@link
     * MediaEventListener#onPlaybackFinished} event. While a playback runs it is sent instead of the mixer's output.
     */
    public long play(AudioSource source) {
        long id = playbackIds.incrementAndGet();
        loop.execute(() -> {
            if (closing) {
                post(() -> listener.onPlaybackFinished(id, PlaybackEnd.CLOSED));
                return;
            }
            endPlayback(PlaybackEnd.REPLACED);
            playing = source;
            playingId = id;
        });
        return id;
    }

    /** Stops the current playback ({@link PlaybackEnd#STOPPED}); nothing happens when none runs. */
    public void stopPlayback() {
        loop.execute(() -> endPlayback(PlaybackEnd.STOPPED));
    }

    /**
     * Records what the peer sends (decoded to 8 kHz PCM, in order after the jitter buffer) into {@code sink}
     * until {@link #stopRecording()}, a limit of {@code options}, or {@link #close()}; then {@link
     * MediaEventListener#onRecordingFinished} reports it once the sink has stored everything. A recording already
     * running is stopped first.
     */
    public void record(RecordingSink sink, RecordOptions options) {
        loop.execute(() -> {
            endRecording(RecordingEnd.STOPPED);
            recording = new ActiveRecording(sink, options);
            if (closing) {
                endRecording(RecordingEnd.CLOSED);
            }
        });
    }

    /** Stops the recording ({@link RecordingEnd#STOPPED}); nothing happens when none runs. */
    public void stopRecording() {
        loop.execute(() -> endRecording(RecordingEnd.STOPPED));
    }

    /**
     * Sends DTMF {@code digit} ({@code 0-9 * # A-D}) for {@code duration} (20 ms to {@link #MAX_DTMF}): as RFC 4733
     * events when the peer negotiated telephone-event, else as tones in the audio. Audio waits while it is sent.
     */
    public void sendDtmf(char digit, Duration duration) {
        int code = Dtmf.eventCode(digit);
        if (duration.compareTo(MediaClock.FRAME) < 0 || duration.compareTo(MAX_DTMF) > 0) {
            throw new IllegalArgumentException("DTMF duration must be 20 ms to 5 s: " + duration);
        }
        int samples = (int) (duration.toMillis() * AudioClip.SAMPLE_RATE / 1000);
        AudioClip tone = AudioClip.dtmf(digit, duration);
        loop.execute(() -> {
            if (eventPayloadType >= 0) {
                eventSender.start(code, samples);
            } else {
                toneDigit = tone.source();
            }
        });
    }

    /**
     * Whether to look for DTMF tones in the received audio (on by default). Detection also stops by itself once
     * the peer sends any RFC 4733 event, so a press is not reported twice.
     */
    public void detectInbandDtmf(boolean enabled) {
        loop.execute(() -> inbandDetection = enabled);
    }

    /**
     * Whether the peer is expected to send RTP: false while it holds the call (sendonly/inactive towards the PBX),
     * so its silence is no media timeout; true re-arms the timeout from now.
     */
    public void expectMedia(boolean expected) {
        loop.execute(() -> silence.expect(expected, time.nanoTime()));
    }

    /** A snapshot of the counters, taken on the event loop. */
    public CompletableFuture<EndpointStats> stats() {
        return CompletableFuture.supplyAsync(() -> new EndpointStats(stream.snapshot(), jitter.lost(),
                jitter.duplicates(), jitter.late(), unknownPayloadType,
                recording == null ? 0 : recording.droppedSamples(), srtpRejected), loop);
    }

    /**
     * Ends everything: the playback ({@link PlaybackEnd#CLOSED}), the recording ({@link RecordingEnd#CLOSED}, the
     * sink still stores what it got), the mixer seat, the ticks; then closes the sockets and returns the ports.
     * Completes once the ports are free. Idempotent.
     */
    public CompletableFuture<Void> close() {
        loop.execute(this::closeOnLoop);
        return closed;
    }

    private void closeOnLoop() {
        if (closing) {
            return;
        }
        closing = true;
        endPlayback(PlaybackEnd.CLOSED);
        endRecording(RecordingEnd.CLOSED);
        if (party != null) {
            party.mixer().leave(this);
            party = null;
        }
        ticker.remove(pacer);
        sockets.release().whenComplete((v, e) -> closed.complete(null));
    }

    /** Joins mixer seat {@code seat}; on the loop, from the mixer. */
    void enterMixer(Mixer.Party seat) {
        if (closing) {
            seat.mixer().leave(this);
            return;
        }
        if (party != null && party != seat) {
            party.mixer().leave(this);
        }
        party = seat;
    }

    /** Leaves mixer seat {@code seat} if it is the current one; on the loop, from the mixer. */
    void exitMixer(Mixer.Party seat) {
        if (party == seat) {
            party = null;
        }
    }

    EventLoop loop() {
        return loop;
    }

    // ---- receive path: rtp-io loop, per packet ----

    /** A packet on the endpoint's own RTP socket: checked and counted by its stream, then received. */
    void receive(InetSocketAddress source, ByteBuf data) {
        // unprotected first: a packet that is not authentic must not latch the stream
        if (srtpReceive != null && srtpReceive.unprotectRtp(data) < 0) {
            srtpRejected++;
            data.release();
            return;
        }
        if (stream != null && stream.accept(source, data)) {
            receiveAccepted(data);
        } else {
            data.release();
        }
    }

    /** What a diverted relay leg hands over: packets its stream has already accepted. */
    PacketReceiver receiver() {
        return receiver;
    }

    private void receiveAccepted(ByteBuf data) {
        try {
            if (closing || remote == null) {
                return;
            }
            int payloadType = RtpPacket.payloadType(data);
            int offset = RtpPacket.payloadOffset(data);
            int padding = RtpPacket.hasPadding(data) ? data.getUnsignedByte(data.writerIndex() - 1) : 0;
            int length = data.readableBytes() - offset - padding;
            if (length <= 0) {
                return;
            }
            if (payloadType == audioPayloadType) {
                jitter.insert(RtpPacket.sequenceNumber(data), data, offset, length, onFrame);
            } else if (payloadType == eventPayloadType) {
                char digit = eventDetector.onPacket(RtpPacket.ssrc(data), RtpPacket.timestamp(data), data, offset,
                        length);
                if (digit != 0) {
                    postDtmf(digit, DtmfMethod.RFC4733);
                }
            } else {
                // comfort noise (13) and codecs we did not agree on
                unknownPayloadType++;
            }
        } finally {
            data.release();
        }
    }

    private void onFrame(byte[] payload, int length) {
        law.decode(payload, 0, decoded, length);
        if (party != null) {
            party.input().write(decoded, length);
        }
        if (inbandDetection && !eventDetector.peerUsesEvents()) {
            char digit = inband.process(decoded, length);
            if (digit != 0) {
                postDtmf(digit, DtmfMethod.INBAND);
            }
        }
        if (recording != null) {
            RecordingEnd limit = recording.write(decoded, length);
            if (limit != null) {
                endRecording(limit);
            }
        }
    }

    // ---- send path: rtp-io loop, per tick ----

    /** Sends this tick's packet, if any; on the loop, from its {@link LoopTicker} (package-private for the benchmark). */
    void tick(long tick, long skipped) {
        if (skipped > 0) {
            rtp.advance(skipped);
            rtp.silent();
        }
        // an endpoint attached to a relay leg leaves media timeouts to the relay session, which watches that leg
        if (tick % TIMEOUT_CHECK_TICKS == 0 && sockets.ownsStream()) {
            checkMediaTimeout();
        }
        boolean sent = false;
        if (remote != null) {
            if (eventSender.active()) {
                ByteBuf packet = ByteBufAllocator.DEFAULT.directBuffer(RtpPacket.FIXED_HEADER_LENGTH
                        + TelephoneEventSender.PAYLOAD_LENGTH + SRTP_ROOM);
                eventSender.writeNext(packet, rtp, eventPayloadType);
                send(packet);
                sent = true;
            } else if (nextFrame(tick)) {
                law.encode(frame, encoded, FRAME);
                ByteBuf packet = ByteBufAllocator.DEFAULT.directBuffer(RtpPacket.FIXED_HEADER_LENGTH + FRAME + SRTP_ROOM);
                rtp.writeAudioHeader(packet, audioPayloadType);
                packet.writeBytes(encoded, 0, FRAME);
                send(packet);
                sent = true;
            }
        }
        if (!sent) {
            rtp.silent();
        }
        rtp.advance(1);
    }

    private void send(ByteBuf packet) {
        if (srtpSend != null && srtpSend.protectRtp(packet) < 0) {
            // only a used-up key lifetime (2^48 packets) or a sequence number sent twice gets here
            packet.release();
            return;
        }
        stream.send(packet);
        stream.flushIfPending();
    }

    /** Fills {@link #frame} with what to send at this tick: a tone digit, the playback, or the mix. */
    private boolean nextFrame(long tick) {
        // the mix is consumed every tick, also while a playback wins, so it never goes stale in the ring
        boolean mixed = party != null && party.output().readFrame(frame, FRAME, MIX_PRIME_FRAMES);
        if (toneDigit != null) {
            if (toneDigit.read(frame, tick)) {
                return true;
            }
            toneDigit = null;
        }
        if (playing != null) {
            if (playing.read(frame, tick)) {
                return true;
            }
            endPlayback(PlaybackEnd.COMPLETED);
            // the mix was overwritten by the last read attempt; it resumes at the next tick
            return false;
        }
        return mixed;
    }

    private void checkMediaTimeout() {
        if (silence.check(time.nanoTime(), stream.lastReceivedNanos())) {
            post(listener::onMediaTimeout);
        }
    }

    // ---- outcomes ----

    private void endPlayback(PlaybackEnd reason) {
        if (playing == null) {
            return;
        }
        long id = playingId;
        playing = null;
        post(() -> listener.onPlaybackFinished(id, reason));
    }

    private void endRecording(RecordingEnd reason) {
        if (recording == null) {
            return;
        }
        recording.finish(reason).thenAccept(result -> post(() -> listener.onRecordingFinished(result)));
        recording = null;
    }

    private void postDtmf(char digit, DtmfMethod method) {
        post(() -> listener.onDtmf(digit, method));
    }

    private void post(Runnable event) {
        events.execute(event);
    }

    @Override
    public String toString() {
        return "MediaEndpoint[" + label + "]";
    }
}
