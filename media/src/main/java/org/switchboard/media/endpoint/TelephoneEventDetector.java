package org.switchboard.media.endpoint;

import io.netty.buffer.ByteBuf;
import org.switchboard.media.dtmf.Dtmf;

/**
 * Finds key presses in RFC 4733 telephone-event packets. One press is many packets with the same RTP timestamp
 * (growing duration, then three end packets), so a press is reported on the first packet seen with a timestamp
 * newer than the last press's, whichever packet of the press that is (the first ones may be lost); every other
 * packet of the press, and late packets of older presses, are ignored.
 *
 * <p>Owned by the endpoint's event loop; allocates nothing.
 */
final class TelephoneEventDetector {
    private static final int PAYLOAD_LENGTH = 4;

    private boolean seenAny;
    private long lastTimestamp;

    /**
     * Looks at one telephone-event packet: {@code timestamp} from its RTP header, its payload at {@code offset}.
     * Returns the digit of a new press, or 0.
     */
    char onPacket(long timestamp, ByteBuf packet, int offset, int length) {
        if (length < PAYLOAD_LENGTH) {
            return 0;
        }
        // serial-number comparison of 32-bit timestamps (they wrap)
        if (seenAny && (int) (timestamp - lastTimestamp) <= 0) {
            return 0;
        }
        seenAny = true;
        lastTimestamp = timestamp;
        int event = packet.getUnsignedByte(packet.readerIndex() + offset);
        return Dtmf.digitOf(event);
    }

    /** Whether the peer has sent any telephone-event: then it does not send tones in the audio. */
    boolean peerUsesEvents() {
        return seenAny;
    }
}
