package org.switchboard.media.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.Ticker;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One relayed stream of one leg (its RTP, or its RTCP): the local socket, the peer address signalled in SDP, the
 * source latched from received packets (symmetric RTP, see {@link LatchingRule}), and plain {@code long}
 * counters. Packets received here are checked and counted by {@link #accept}; packets for this leg's peer leave
 * through {@link #send}. On a leg with SRTP ({@link #secure}) what arrives is unprotected before anything else
 * looks at it and what leaves is protected last, so the other leg and a diverting PBX endpoint see plain RTP.
 * Before that a relay leg's stream rewrites what it sends its peer into one stream ({@link PacketRewrite}).
 *
 * <p>Owned by the session's {@code rtp-io-} event loop: every method runs there, so no field needs a lock. Other
 * threads read it through {@link #snapshot()} posted to that loop.
 */
public final class RelayStream {
    private static final Logger log = LoggerFactory.getLogger(RelayStream.class);
    private static final int ENVELOPES = 16;

    private final String name;
    private final boolean rtp;
    private final LatchingRule rule;
    private final long quietNanos;
    private final Ticker ticker;
    private final PacketRewrite rewrite;
    private final ArrayDeque<RelayEnvelope> envelopes = new ArrayDeque<>(ENVELOPES);

    private Channel channel;
    private InetSocketAddress signalled;
    private InetSocketAddress latched;
    private InetSocketAddress candidate;
    private int candidateCount;
    private long lastFromLatchedNanos;
    private long lastReceivedNanos;
    private boolean flushPending;
    private PacketReceiver divertedTo;
    private PacketTap tap;
    private LegSecurity security;
    private final ReceptionStats reception = new ReceptionStats();
    private final ReceiverReports peerReports = new ReceiverReports();

    private long packetsIn;
    private long bytesIn;
    private long packetsOut;
    private long bytesOut;
    private long dropped;
    private long latches;
    private long srtpRejected;

    /**
     * A stream named {@code name} in log lines (e.g. {@code call-id A rtp}); {@code rtp} selects RTP header
     * checks, else RTCP checks. It sends packets as they are given: for a PBX endpoint's own socket, whose
     * packets come from one source.
     */
    public RelayStream(String name, boolean rtp, LatchingRule rule, Ticker ticker) {
        this(name, rtp, rule, ticker, PacketRewrite.NONE);
    }

    /**
     * A relay leg's RTP stream that sends its peer one continuous stream, whichever source feeds it ({@code
     * outgoing}, see {@link OutgoingStream}).
     */
    public RelayStream(String name, LatchingRule rule, Ticker ticker, OutgoingStream outgoing) {
        this(name, true, rule, ticker, outgoing);
    }

    /** A relay leg's RTP or RTCP stream that rewrites what it sends with {@code rewrite}. */
    RelayStream(String name, boolean rtp, LatchingRule rule, Ticker ticker, PacketRewrite rewrite) {
        this.name = name;
        this.rewrite = rewrite;
        this.rtp = rtp;
        this.rule = rule;
        this.quietNanos = rule.quiet().toNanos();
        this.ticker = ticker;
        this.lastReceivedNanos = ticker.nanoTime();
        for (int i = 0; i < ENVELOPES; i++) {
            envelopes.add(new RelayEnvelope(envelopes));
        }
    }

    /** Gives the stream its bound local socket, through which packets to its peer leave. */
    public void attach(Channel boundChannel) {
        this.channel = boundChannel;
    }

    /**
     * Sets the peer address from SDP. A changed address (a re-INVITE moved the media) clears the latch, so the
     * next packets latch afresh.
     */
    public void signal(InetSocketAddress peer) {
        if (signalled != null && !signalled.equals(peer)) {
            latched = null;
            candidate = null;
            candidateCount = 0;
        }
        signalled = peer;
    }

    /**
     * Checks and counts a packet received from this leg's peer. Returns whether to relay it; a refused packet is
     * counted as dropped and the caller releases it.
     */
    public boolean accept(InetSocketAddress source, ByteBuf data) {
        if (rtp ? !RtpPacket.isRtp(data) : !RtpPacket.isRtcp(data)) {
            dropped++;
            return false;
        }
        if (security != null && security.unprotect(data, rtp) < 0) {
            // before latching: a packet that is not authentic must not move the stream (RFC 3711 §3.3)
            srtpRejected++;
            dropped++;
            return false;
        }
        long now = ticker.nanoTime();
        if (!fromLatchedSource(source, now)) {
            dropped++;
            return false;
        }
        packetsIn++;
        bytesIn += data.readableBytes();
        lastReceivedNanos = now;
        if (rtp) {
            reception.update(data, now);
        } else {
            peerReports.read(data, now);
        }
        return true;
    }

    private boolean fromLatchedSource(InetSocketAddress source, long now) {
        if (latched == null) {
            // RFC 4961 symmetric RTP: the first packet's source is where the peer really is (NAT rewrites it)
            latchOnto(source, now);
            return true;
        }
        if (latched.equals(source)) {
            lastFromLatchedNanos = now;
            candidateCount = 0;
            return true;
        }
        if (now - lastFromLatchedNanos < quietNanos) {
            return false;
        }
        if (source.equals(candidate)) {
            candidateCount++;
        } else {
            candidate = source;
            candidateCount = 1;
        }
        if (candidateCount < rule.packets()) {
            return false;
        }
        log.info("rtp source relatched stream={} from={} to={}", name, latched, source);
        latchOnto(source, now);
        return true;
    }

    private void latchOnto(InetSocketAddress source, long now) {
        latched = source;
        candidate = null;
        candidateCount = 0;
        lastFromLatchedNanos = now;
        latches++;
    }

    /**
     * Sends a packet from the other leg (or a PBX endpoint diverting this leg) to this leg's peer, taking ownership
     * of {@code data}: its header is rewritten in place for the stream the peer receives, then it is written
     * without copying and released by Netty once sent, or released here when there is nowhere to send it.
     */
    public void send(ByteBuf data) {
        InetSocketAddress to = latched != null ? latched : signalled;
        if (to == null || channel == null) {
            dropped++;
            data.release();
            return;
        }
        // before SRTP: the cipher's index and rollover counter follow the SSRC and sequence the peer receives
        rewrite.rewrite(data, ticker.nanoTime());
        if (security != null) {
            data = withRoomFor(data, security.overhead(rtp));
            if (security.protect(data, rtp) < 0) {
                srtpRejected++;
                dropped++;
                data.release();
                return;
            }
        }
        packetsOut++;
        bytesOut += data.readableBytes();
        RelayEnvelope envelope = envelopes.pollFirst();
        // under backpressure every envelope may be queued in the socket; then (only then) allocate one
        Object message = envelope != null ? envelope.fill(data, to) : new DatagramPacket(data, to);
        channel.write(message, channel.voidPromise());
        flushPending = true;
    }

    /**
     * {@code data}, or a copy of it, with room for {@code overhead} more bytes at its end (an SRTP tag): the epoll
     * transport hands each datagram as a slice of its read buffer that cannot grow, so on an SRTP leg that packet
     * is copied once into a pooled buffer of the socket's allocator (the plain relay never copies).
     */
    private ByteBuf withRoomFor(ByteBuf data, int overhead) {
        if (data.maxWritableBytes() >= overhead) {
            return data;
        }
        ByteBuf roomy = channel.alloc().directBuffer(data.readableBytes() + overhead);
        roomy.writeBytes(data, data.readerIndex(), data.readableBytes());
        data.release();
        return roomy;
    }

    /** Flushes the packets written since the last flush: one system call batch per read burst. */
    public void flushIfPending() {
        if (flushPending) {
            flushPending = false;
            channel.flush();
        }
    }

    /**
     * Hands the packets this stream accepts to {@code receiver} instead of relaying them, and stops relaying the
     * other leg's packets to this stream's peer: a PBX media endpoint now speaks to this peer through {@link
     * #send}, until {@link #undivert()}.
     */
    public void divert(PacketReceiver receiver) {
        divertedTo = receiver;
    }

    /** Encrypts and authenticates this stream with {@code legSecurity} from now on, or not at all when null. */
    void secure(LegSecurity legSecurity) {
        security = legSecurity;
    }

    /** Whether the stream carries RTP (else RTCP). */
    boolean isRtp() {
        return rtp;
    }

    /** The stream's SRTP, or null for plain RTP. */
    LegSecurity security() {
        return security;
    }

    /** After an accepted RTCP packet: the round trip to this stream's peer, if it answered {@code other}'s peer. */
    void measureRoundTrip(RelayStream other) {
        peerReports.measureRoundTrip(other.peerReports, lastReceivedNanos);
    }

    /** Shows every accepted packet to {@code packetTap} from now on, or to nobody when null. */
    void tap(PacketTap packetTap) {
        tap = packetTap;
    }

    /** Who sees the accepted packets besides their destination, or null (the usual case: nobody). */
    PacketTap tap() {
        return tap;
    }

    /** Relays again after {@link #divert}. */
    public void undivert() {
        divertedTo = null;
    }

    /** Where accepted packets go instead of the other leg, or null while relaying. */
    PacketReceiver divertedTo() {
        return divertedTo;
    }

    /** When the last accepted packet arrived (or the stream was created), in ticker nanoseconds. */
    public long lastReceivedNanos() {
        return lastReceivedNanos;
    }

    /** The counters now. */
    public StreamStats snapshot() {
        return new StreamStats(
                packetsIn, bytesIn, packetsOut, bytesOut, dropped, latches, Optional.ofNullable(latched), security != null,
                srtpRejected, rtp ? reception.snapshot() : Reception.NONE, peerReports.snapshot());
    }
}
