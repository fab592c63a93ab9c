package org.switchboard.media.endpoint;

import io.netty.buffer.ByteBuf;
import java.util.random.RandomGenerator;
import org.switchboard.media.rtp.RtpPacket;

/**
 * The RTP header state of one stream the PBX sends (RFC 3550 §5.1): a random SSRC, a sequence number that grows
 * by one per packet sent from a random start, a timestamp that grows by the samples of every 20 ms tick whether
 * or not a packet left (so a pause is a timestamp gap, not a slowdown), and the marker bit on the first packet of
 * a talk spurt (after a tick with nothing sent, RFC 3551 §4.1).
 *
 * <p>Owned by the endpoint's event loop.
 */
final class RtpPacketizer {
    private final long ssrc;
    private int sequence;
    private long timestamp;
    private boolean talking;

    RtpPacketizer(RandomGenerator random) {
        this.ssrc = random.nextInt() & 0xFFFF_FFFFL;
        // random initial values make known-plaintext attacks harder (RFC 3550 §5.1) and tell streams apart
        this.sequence = random.nextInt(1 << 16);
        this.timestamp = random.nextInt() & 0xFFFF_FFFFL;
    }

    /** Writes the header of an audio packet sent at the current tick; the caller writes the payload. */
    void writeAudioHeader(ByteBuf out, int payloadType) {
        RtpPacket.writeHeader(out, !talking, payloadType, sequence, timestamp, ssrc);
        sequence = (sequence + 1) & 0xFFFF;
        talking = true;
    }

    /**
     * Writes the header of an RFC 4733 event packet: the event's own start timestamp, marker on its first packet.
     */
    void writeEventHeader(ByteBuf out, int payloadType, boolean first, long eventTimestamp) {
        RtpPacket.writeHeader(out, first, payloadType, sequence, eventTimestamp, ssrc);
        sequence = (sequence + 1) & 0xFFFF;
        // audio after an event starts a new talk spurt
        talking = false;
    }

    /** Nothing was sent at this tick: the next audio packet starts a talk spurt. */
    void silent() {
        talking = false;
    }

    /** Moves the timestamp on by {@code ticks} frames; called once per tick after sending, and for skipped ticks. */
    void advance(long ticks) {
        timestamp = (timestamp + ticks * MediaClock.SAMPLES_PER_FRAME) & 0xFFFF_FFFFL;
    }

    /** The timestamp of the current tick. */
    long timestamp() {
        return timestamp;
    }

    long ssrc() {
        return ssrc;
    }
}
