package org.switchboard.media.endpoint;

import io.netty.buffer.ByteBuf;

/**
 * Sends one DTMF digit as RFC 4733 packets, one per 20 ms tick: all with the timestamp of the press's first tick,
 * the first with the marker bit, the duration growing by 160 samples per packet up to the press's length, then
 * three packets with the E (end) bit and the final duration (§2.5.1.4: the end is repeated against loss).
 *
 * <p>Owned by the endpoint's event loop; allocates nothing.
 */
final class TelephoneEventSender {
    static final int PAYLOAD_LENGTH = 4;
    private static final int END_PACKETS = 3;
    /** Volume field: -10 dBm0, the usual level of a DTMF tone. */
    private static final int VOLUME = 10;

    private int event = -1;
    private int totalSamples;
    private int sentSamples;
    private int endPacketsLeft;
    private long startTimestamp;
    private boolean first;

    /** Starts a press of RFC 4733 event {@code code} lasting {@code samples} (at least one packet's worth). */
    void start(int code, int samples) {
        event = code;
        totalSamples = Math.max(samples, MediaClock.SAMPLES_PER_FRAME);
        sentSamples = 0;
        endPacketsLeft = END_PACKETS;
        first = true;
    }

    /** Whether a press is being sent. */
    boolean active() {
        return event >= 0;
    }

    /** Writes this tick's packet of the press to {@code out}; the press ends after its last end packet. */
    void writeNext(ByteBuf out, RtpPacketizer rtp, int payloadType) {
        if (first) {
            startTimestamp = rtp.timestamp();
        }
        boolean end = sentSamples + MediaClock.SAMPLES_PER_FRAME >= totalSamples;
        if (!end) {
            sentSamples += MediaClock.SAMPLES_PER_FRAME;
        } else {
            sentSamples = totalSamples;
        }
        rtp.writeEventHeader(out, payloadType, first, startTimestamp);
        first = false;
        out.writeByte(event);
        out.writeByte((end ? 0x80 : 0) | VOLUME);
        // the duration field is 16 bits; start() callers keep presses under 8 s
        out.writeShort(sentSamples);
        if (end && --endPacketsLeft == 0) {
            event = -1;
        }
    }
}
