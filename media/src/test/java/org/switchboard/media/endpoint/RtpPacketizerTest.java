package org.switchboard.media.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.switchboard.media.rtp.RtpPacket;

class RtpPacketizerTest {
    private final RtpPacketizer rtp = new RtpPacketizer(new SplittableRandom(7));

    private ByteBuf audio() {
        ByteBuf b = Unpooled.buffer();
        rtp.writeAudioHeader(b, 8);
        rtp.advance(1);
        return b;
    }

    @Test
    void consecutivePacketsCountSequenceByOneAndTimestampBy160WithTheMarkerOnlyOnTheFirst() {
        ByteBuf first = audio();
        ByteBuf second = audio();
        ByteBuf third = audio();
        assertThat(RtpPacket.isRtp(first)).isTrue();
        assertThat(RtpPacket.payloadType(first)).isEqualTo(8);
        assertThat(RtpPacket.marker(first)).isTrue();
        assertThat(RtpPacket.marker(second)).isFalse();
        assertThat(RtpPacket.marker(third)).isFalse();
        assertThat(RtpPacket.sequenceNumber(second)).isEqualTo((RtpPacket.sequenceNumber(first) + 1) & 0xFFFF);
        assertThat(RtpPacket.timestamp(third)).isEqualTo((RtpPacket.timestamp(first) + 320) & 0xFFFF_FFFFL);
        assertThat(RtpPacket.ssrc(third)).isEqualTo(RtpPacket.ssrc(first)).isEqualTo(rtp.ssrc());
    }

    @Test
    void silentTicksAdvanceTheTimestampButNotTheSequenceAndTheNextSpurtIsMarked() {
        ByteBuf before = audio();
        rtp.silent();
        rtp.advance(1);
        rtp.silent();
        rtp.advance(1);
        ByteBuf after = audio();
        assertThat(RtpPacket.sequenceNumber(after)).isEqualTo((RtpPacket.sequenceNumber(before) + 1) & 0xFFFF);
        assertThat(RtpPacket.timestamp(after)).isEqualTo((RtpPacket.timestamp(before) + 3 * 160) & 0xFFFF_FFFFL);
        assertThat(RtpPacket.marker(after)).isTrue();
    }

    @Test
    void sequenceAndTimestampWrapAround() {
        int firstSeq = RtpPacket.sequenceNumber(audio());
        for (int i = 0; i < 70_000; i++) {
            audio();
        }
        ByteBuf later = audio();
        assertThat(RtpPacket.sequenceNumber(later)).isEqualTo((firstSeq + 70_001) % 65536);
    }

    @Test
    void streamsGetDifferentRandomStarts() {
        RtpPacketizer other = new RtpPacketizer(new SplittableRandom(8));
        assertThat(other.ssrc()).isNotEqualTo(rtp.ssrc());
        assertThat(other.timestamp()).isNotEqualTo(rtp.timestamp());
    }
}
