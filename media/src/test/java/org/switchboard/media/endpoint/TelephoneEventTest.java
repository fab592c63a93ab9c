package org.switchboard.media.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.switchboard.media.dtmf.Dtmf;
import org.switchboard.media.rtp.RtpPacket;

/** RFC 4733 generation and detection, and the round trip between them. */
class TelephoneEventTest {
    private final RtpPacketizer rtp = new RtpPacketizer(new SplittableRandom(1));
    private final TelephoneEventSender sender = new TelephoneEventSender();
    private final TelephoneEventDetector detector = new TelephoneEventDetector();

    private List<ByteBuf> send(int code, int samples) {
        sender.start(code, samples);
        List<ByteBuf> packets = new ArrayList<>();
        while (sender.active()) {
            ByteBuf b = Unpooled.buffer();
            sender.writeNext(b, rtp, 101);
            rtp.advance(1);
            packets.add(b);
        }
        return packets;
    }

    private char detect(ByteBuf packet) {
        return detector.onPacket(RtpPacket.timestamp(packet), packet, RtpPacket.payloadOffset(packet),
                packet.readableBytes() - RtpPacket.payloadOffset(packet));
    }

    @Test
    void aPressIsOneTimestampWithGrowingDurationAndThreeEndPackets() {
        List<ByteBuf> packets = send(11, 800);
        assertThat(packets).hasSize(5 + 2);
        long ts = RtpPacket.timestamp(packets.getFirst());
        for (int i = 0; i < packets.size(); i++) {
            ByteBuf p = packets.get(i);
            int payload = RtpPacket.payloadOffset(p);
            assertThat(RtpPacket.payloadType(p)).isEqualTo(101);
            assertThat(RtpPacket.timestamp(p)).isEqualTo(ts);
            assertThat(RtpPacket.marker(p)).isEqualTo(i == 0);
            assertThat(p.getUnsignedByte(payload)).isEqualTo((short) 11);
            assertThat((p.getUnsignedByte(payload + 1) & 0x80) != 0).as("E bit %d", i).isEqualTo(i >= 4);
            assertThat(p.getUnsignedShort(payload + 2)).isEqualTo(Math.min(160 * (i + 1), 800));
            if (i > 0) {
                assertThat(RtpPacket.sequenceNumber(p))
                        .isEqualTo((RtpPacket.sequenceNumber(packets.get(i - 1)) + 1) & 0xFFFF);
            }
        }
    }

    @Test
    void generatedPressesAreDetectedOnceEach() {
        StringBuilder heard = new StringBuilder();
        for (char digit : "12#*0D".toCharArray()) {
            for (ByteBuf p : send(Dtmf.eventCode(digit), 480)) {
                char d = detect(p);
                if (d != 0) {
                    heard.append(d);
                }
            }
        }
        assertThat(heard).hasToString("12#*0D");
    }

    @Test
    void aPressWhoseFirstPacketsWereLostIsDetectedOnTheFirstPacketThatArrives() {
        List<ByteBuf> packets = send(5, 800);
        assertThat(detect(packets.get(3))).isEqualTo('5');
        assertThat(detect(packets.get(4))).isEqualTo((char) 0);
    }

    @Test
    void aLatePacketOfAnOlderPressIsNotANewPress() {
        List<ByteBuf> first = send(1, 320);
        List<ByteBuf> second = send(2, 320);
        assertThat(detect(first.getFirst())).isEqualTo('1');
        assertThat(detect(second.getFirst())).isEqualTo('2');
        assertThat(detect(first.getLast())).as("late end packet of the first press").isEqualTo((char) 0);
    }

    @Test
    void eventsAboveFifteenAreNoDigits() {
        ByteBuf flash = send(16, 160).getFirst();
        assertThat(detect(flash)).isEqualTo((char) 0);
        assertThat(detector.peerUsesEvents()).isTrue();
    }
}
