package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OutgoingStreamTest {
    private static final long PHONE = 0xAAAA_0001L;
    private static final long PROMPT = 0xEEEE_0002L;
    private static final int EVENT_PT = 101;
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final OutgoingStream stream = new OutgoingStream();

    /** What left: sequence number, timestamp, SSRC, marker. */
    private record Sent(int seq, long ts, long ssrc, boolean marker) {}

    private Sent send(long ssrc, int seq, long ts, long atMillis) {
        return send(audio(ssrc, seq, ts, false), atMillis);
    }

    private Sent send(ByteBuf packet, long atMillis) {
        stream.rewrite(packet, atMillis * MS);
        return new Sent(RtpPacket.sequenceNumber(packet), RtpPacket.timestamp(packet), RtpPacket.ssrc(packet),
                RtpPacket.marker(packet));
    }

    private static ByteBuf audio(long ssrc, int seq, long ts, boolean marker) {
        ByteBuf b = Unpooled.buffer();
        RtpPacket.writeHeader(b, marker, 0, seq, ts, ssrc);
        return b.writeZero(160);
    }

    private static ByteBuf event(long ssrc, int seq, long ts, boolean marker, int duration, boolean end) {
        ByteBuf b = Unpooled.buffer();
        RtpPacket.writeHeader(b, marker, EVENT_PT, seq, ts, ssrc);
        return b.writeByte(5).writeByte(end ? 0x8A : 0x0A).writeShort(duration);
    }

    @Test
    void aStreamFromOneSourceLeavesUnchanged() {
        for (int i = 0; i < 5; i++) {
            assertThat(send(PHONE, 1000 + i, 8000 + 160L * i, 20L * i))
                    .isEqualTo(new Sent(1000 + i, 8000 + 160L * i, PHONE, false));
        }
    }

    @Test
    void aSwitchMidStreamKeepsOneSsrcContinuousSequenceNumbersAndAdvancingTimestampsWithTheMarker() {
        for (int i = 0; i < 5; i++) {
            send(PHONE, 1000 + i, 8000 + 160L * i, 20L * i); // last: seq 1004, ts 8640 at 80 ms
        }
        // the prompt's stream starts 20 ms later with numbers of its own, far below the phone's
        assertThat(send(PROMPT, 7, 50, 100)).isEqualTo(new Sent(1005, 8800, PHONE, true));
        assertThat(send(PROMPT, 8, 210, 120)).isEqualTo(new Sent(1006, 8960, PHONE, false));
        // back to the phone after a 100 ms pause: 800 samples on, marker again
        assertThat(send(PHONE, 1100, 24000, 220)).isEqualTo(new Sent(1007, 9760, PHONE, true));
        assertThat(send(PHONE, 1101, 24160, 240)).isEqualTo(new Sent(1008, 9920, PHONE, false));
    }

    @Test
    void aSourceTakingOverWithinAPacketTimeStartsOnePacketLaterNotInsideTheLastPacket() {
        send(PHONE, 1, 1000, 0);
        send(PHONE, 2, 1160, 20);
        assertThat(send(PROMPT, 500, 3, 23).ts()).as("3 ms after the last packet, which lasts 20 ms")
                .isEqualTo(1320);
    }

    @Test
    void numbersWrapAcrossASwitch() {
        send(PHONE, 65534, 0xFFFF_FF00L, 0);
        send(PHONE, 65535, 0xFFFF_FFA0L, 20);
        assertThat(send(PROMPT, 10, 77, 40)).isEqualTo(new Sent(0, 0x40, PHONE, true));
        assertThat(send(PROMPT, 11, 237, 60)).isEqualTo(new Sent(1, 0xE0, PHONE, false));
    }

    @Test
    void reorderingInsideASourceIsKeptAndTheNextSourceFollowsTheNewestPacket() {
        send(PHONE, 10, 1600, 0);
        send(PROMPT, 300, 0, 20); // phone's 10 → prompt at 11
        send(PROMPT, 302, 320, 60); // 13
        assertThat(send(PROMPT, 301, 160, 61).seq()).as("a late packet keeps its place").isEqualTo(12);
        assertThat(send(PHONE, 11, 1760, 80)).as("after the newest, not the late one")
                .isEqualTo(new Sent(14, 1600 + 160 + 320 + 160, PHONE, true));
    }

    @Test
    void theFirstSourceCanBeThePromptAndThePhoneThenTakesItsSsrc() {
        send(PROMPT, 40, 4000, 0);
        Sent phone = send(PHONE, 9, 90, 20);
        assertThat(phone).isEqualTo(new Sent(41, 4160, PROMPT, true));
    }

    @Test
    void anEventJoinedMidwayKeepsOneTimestampStartsWithTheMarkerAndAudioFollowsAfterIt() {
        send(PROMPT, 1, 0, 0);
        send(PROMPT, 2, 160, 20); // prompt at 160
        // the phone's event began 60 ms before (its start timestamp 5000); the stream returns to it at 40 ms
        Sent first = send(event(PHONE, 70, 5000, false, 480, false), 40);
        assertThat(first).isEqualTo(new Sent(3, 320, PROMPT, true));
        Sent second = send(event(PHONE, 71, 5000, false, 640, false), 60);
        Sent end = send(event(PHONE, 72, 5000, false, 800, true), 80);
        Sent endAgain = send(event(PHONE, 73, 5000, false, 800, true), 80);
        assertThat(List.of(second, end, endAgain)).extracting(Sent::ts).containsOnly(320L);
        assertThat(List.of(second, end, endAgain)).extracting(Sent::marker).containsOnly(false);
        Sent audio = send(PHONE, 74, 5800, 100);
        assertThat(audio.ts()).as("audio comes after the event's 800 samples as the peer saw them")
                .isGreaterThanOrEqualTo(320 + 800);
        assertThat(audio.seq()).isEqualTo(7);
    }

    @Test
    void aSourceTakingOverRightAfterAnEventStartsAfterTheEventNotInsideIt() {
        send(event(PHONE, 1, 8000, true, 160, false), 0);
        send(event(PHONE, 2, 8000, false, 320, false), 20);
        send(event(PHONE, 3, 8000, false, 480, false), 40);
        send(event(PHONE, 4, 8000, false, 480, true), 60);
        Sent prompt = send(PROMPT, 900, 12, 80);
        assertThat(prompt.ts()).as("80 ms after the event's start timestamp").isEqualTo(8640);
        assertThat(prompt).extracting(Sent::seq, Sent::marker).containsExactly(5, true);
    }

    @Test
    void aSourceRestartingItsNumbersUnderTheSameSsrcIsFollowedAsANewSource() {
        send(PHONE, 100, 16000, 0);
        send(PROMPT, 7, 0, 20);
        send(PHONE, 101, 16160, 40); // back to the phone: seq 102
        assertThat(send(PHONE, 40000, 777, 60)).as("the phone restarted its stream")
                .isEqualTo(new Sent(103, 16480, PHONE, true));
        assertThat(send(PHONE, 39990, 0, 80).seq()).as("ten packets back is reordering, not a restart")
                .isEqualTo(93);
    }
}
