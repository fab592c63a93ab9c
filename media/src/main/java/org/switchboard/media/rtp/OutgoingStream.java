package org.switchboard.media.rtp;

import io.netty.buffer.ByteBuf;

/**
 * The one RTP stream the PBX sends to one leg's peer, whichever source feeds it (the other party, a PBX endpoint
 * playing music or a prompt, the other party again): one SSRC, and sequence numbers and timestamps that go on
 * across a change of source, as a phone's own stream would. A phone's jitter buffer then never sees a second
 * stream numbered below the one it plays (baresip 1.0 drops such packets), and SRTP keeps one rollover counter
 * for the leg.
 *
 * <p>The stream takes the SSRC, sequence numbers and timestamps of the first source it carries, so until the
 * source first changes it sends every packet unchanged (an ordinary call stays byte for byte what the phones
 * sent, and its RTCP stays true end to end). A packet with another SSRC than the current source's starts a new
 * source (so does a jump of more than 3000 sequence numbers under the same SSRC, a phone restarting its stream):
 * from then on that source's sequence numbers and timestamps are shifted so that its first packet follows
 * the last one sent (sequence number + 1, timestamp + the wall time since the newest timestamp was first sent, at
 * least one packet's worth), it carries the marker bit (RFC 3551 §4.1: a new talk spurt; RFC 4733 §2.5.1.3: a new
 * event, for an event the peer joins midway), and its SSRC becomes the stream's. One offset per source keeps
 * everything inside a source as the source made it: reordering, gaps, and an RFC 4733 event's shared timestamp.
 *
 * <p>Timestamps count an 8 kHz clock, the clock of every codec the PBX relays and terminates (G.711, G.722,
 * telephone-event; {@link ReceptionStats#CLOCK_RATE}); the "one packet's worth" is the source's own last step, so a
 * wider clock is not shortchanged at a packet-aligned switch.
 *
 * <p>Owned by the session's {@code rtp-io-} event loop; plain fields, no allocation per packet.
 */
public final class OutgoingStream implements PacketRewrite {
    private static final long MASK_32 = 0xFFFF_FFFFL;
    private static final int MASK_16 = 0xFFFF;
    private static final long NANOS_PER_SAMPLE = 1_000_000_000L / ReceptionStats.CLOCK_RATE;
    /** 20 ms, the usual packet time, until the source showed its own. */
    private static final int DEFAULT_STEP = ReceptionStats.CLOCK_RATE / 50;
    /** The longest packet time taken as a step (150 ms at 8 kHz); a longer jump is a pause, not a packet. */
    private static final int MAX_STEP = 1200;

    private boolean started;
    private long ssrc;
    private long sourceSsrc;
    private int sequenceOffset;
    private long timestampOffset;
    private int lastSourceSequence;
    private long lastSourceTimestamp;
    private int step = DEFAULT_STEP;
    private int newestSequence;
    private long newestTimestamp;
    private long newestTimestampSentNanos;

    @Override
    public void rewrite(ByteBuf packet, long nowNanos) {
        long packetSsrc = RtpPacket.ssrc(packet);
        int sequence = RtpPacket.sequenceNumber(packet);
        long timestamp = RtpPacket.timestamp(packet);
        if (!started) {
            started = true;
            ssrc = packetSsrc;
            sourceSsrc = packetSsrc;
            newestSequence = sequence;
            newestTimestamp = timestamp;
            newestTimestampSentNanos = nowNanos;
        } else if (packetSsrc != sourceSsrc || isRestart(sequence)) {
            follow(packetSsrc, sequence, timestamp, nowNanos);
            int at = packet.readerIndex() + 1;
            packet.setByte(at, packet.getByte(at) | 0x80);
        } else {
            learnStep(sequence, timestamp);
        }
        lastSourceSequence = sequence;
        lastSourceTimestamp = timestamp;
        int sentSequence = (sequence + sequenceOffset) & MASK_16;
        long sentTimestamp = (timestamp + timestampOffset) & MASK_32;
        int at = packet.readerIndex();
        packet.setShort(at + 2, sentSequence);
        packet.setInt(at + 4, (int) sentTimestamp);
        packet.setInt(at + 8, (int) ssrc);
        if (isNewer16(sentSequence, newestSequence)) {
            newestSequence = sentSequence;
        }
        if (isNewer32(sentTimestamp, newestTimestamp)) {
            newestTimestamp = sentTimestamp;
            newestTimestampSentNanos = nowNanos;
        }
    }

    /** Makes {@code packetSsrc} the source, its packet with these numbers the one right after the last sent. */
    private void follow(long packetSsrc, int sequence, long timestamp, long nowNanos) {
        // wall time since the newest timestamp went out: for audio one packet ago, for an RFC 4733 event (whose
        // packets repeat its start timestamp) since the event began, so what follows never lands inside it
        long elapsed = Math.max(0, nowNanos - newestTimestampSentNanos) / NANOS_PER_SAMPLE;
        long next = (newestTimestamp + Math.max(elapsed, step)) & MASK_32;
        sequenceOffset = (newestSequence + 1 - sequence) & MASK_16;
        timestampOffset = (next - timestamp) & MASK_32;
        sourceSsrc = packetSsrc;
        step = DEFAULT_STEP;
    }

    /**
     * Whether a packet of the current source's SSRC jumps so far from the last (more than a minute of packets
     * either way) that the source restarted its stream under the same SSRC: it is then followed as a new source,
     * which also keeps SRTP from taking the jump for packets from before a wrap and refusing them.
     */
    private boolean isRestart(int sequence) {
        int delta = (short) (sequence - lastSourceSequence);
        return Math.abs(delta) > ReceptionStats.MAX_DROPOUT;
    }

    /** Notes the source's packet time from two packets in a row (events, which repeat a timestamp, do not count). */
    private void learnStep(int sequence, long timestamp) {
        long delta = (timestamp - lastSourceTimestamp) & MASK_32;
        if (sequence == ((lastSourceSequence + 1) & MASK_16) && delta > 0 && delta <= MAX_STEP) {
            step = (int) delta;
        }
    }

    private static boolean isNewer16(int a, int b) {
        int d = (a - b) & MASK_16;
        return d != 0 && d < 0x8000;
    }

    private static boolean isNewer32(long a, long b) {
        long d = (a - b) & MASK_32;
        return d != 0 && d < 0x8000_0000L;
    }

    /** Whether a packet was sent yet; until then the stream has no SSRC. */
    boolean started() {
        return started;
    }

    /** The SSRC of every packet this stream sends. */
    long ssrc() {
        return ssrc;
    }

    /** The SSRC of the source now fed into the stream, as that source sends it. */
    long sourceSsrc() {
        return sourceSsrc;
    }

    /** What is added to the current source's sequence numbers (mod 2^16). */
    int sequenceOffset() {
        return sequenceOffset;
    }

    /** What is added to the current source's timestamps (mod 2^32). */
    long timestampOffset() {
        return timestampOffset;
    }
}
