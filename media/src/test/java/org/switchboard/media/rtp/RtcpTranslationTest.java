package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/**
 * Phone A's SSRC is 0xA, phone B's 0xB. Leg B's stream carried A, then a prompt, then A again: A's RTP reaches B
 * with its sequence numbers and timestamps shifted. Leg A's stream never changed source.
 */
class RtcpTranslationTest {
    private static final long PROMPT = 0xE;

    private final OutgoingStream towardA = new OutgoingStream();
    private final OutgoingStream towardB = new OutgoingStream();
    private final RtcpTranslation toB = new RtcpTranslation(towardB, towardA);
    private final RtcpTranslation toA = new RtcpTranslation(towardA, towardB);

    private static ByteBuf rtp(long ssrc, int seq, long ts) {
        ByteBuf b = Unpooled.buffer();
        RtpPacket.writeHeader(b, false, 0, seq, ts, ssrc);
        return b.writeZero(160);
    }

    /** A's sender report (RTP time {@code rtpTime}) with one block about the stream A receives (SSRC 0xB). */
    private static ByteBuf senderReportOfA(long rtpTime) {
        ByteBuf b = Unpooled.buffer();
        b.writeByte(0x81).writeByte(200).writeShort(12).writeInt(0xA);
        b.writeInt(0x00011234).writeInt(0x56780000).writeInt((int) rtpTime).writeInt(50).writeInt(8000);
        b.writeInt(0xB).writeByte(0).writeMedium(0).writeInt(0x0001_0010).writeInt(40).writeInt(0).writeInt(0);
        b.writeByte(0x81).writeByte(202).writeShort(2).writeInt(0xA).writeByte(1).writeByte(2).writeByte('a').writeByte(0);
        return b;
    }

    /** B's receiver report with one block about the stream B receives, whose SSRC is {@code about}. */
    private static ByteBuf receiverReportOfB(long about, int highestSeq) {
        ByteBuf b = Unpooled.buffer();
        b.writeByte(0x81).writeByte(201).writeShort(7).writeInt(0xB);
        b.writeInt((int) about).writeByte(3).writeMedium(2).writeInt(0x0002_0000 | highestSeq).writeInt(80)
                .writeInt(0x12345678).writeInt(0x8000);
        return b;
    }

    @Test
    void reportsPassUnchangedWhileNoStreamChangedSource() {
        towardB.rewrite(rtp(0xA, 100, 16000), 0);
        towardA.rewrite(rtp(0xB, 7, 900), 0);
        ByteBuf sr = senderReportOfA(16000);
        String before = ByteBufUtil.hexDump(sr);
        toB.rewrite(sr, 0);
        assertThat(ByteBufUtil.hexDump(sr)).isEqualTo(before);
        ByteBuf rr = receiverReportOfB(0xA, 100);
        String rrBefore = ByteBufUtil.hexDump(rr);
        toA.rewrite(rr, 0);
        assertThat(ByteBufUtil.hexDump(rr)).isEqualTo(rrBefore);
    }

    @Test
    void afterASwitchTheSenderReportNamesTheStreamBReceivesAndItsRtpTime() {
        towardA.rewrite(rtp(0xB, 7, 900), 0);
        towardB.rewrite(rtp(PROMPT, 1, 0), 0); // the prompt came first: B's stream has the prompt's SSRC
        towardB.rewrite(rtp(0xA, 100, 16000), 20_000_000); // then A, shifted to seq 2, ts 160
        ByteBuf sr = senderReportOfA(16000);

        toB.rewrite(sr, 0);

        assertThat(sr.getUnsignedInt(4)).as("SR sender").isEqualTo(PROMPT);
        assertThat(sr.getUnsignedInt(16)).as("SR RTP time on B's stream").isEqualTo(160);
        assertThat(sr.getUnsignedInt(28)).as("block about A's stream keeps A's numbering").isEqualTo(0xB);
        assertThat(sr.getUnsignedInt(52 + 4)).as("SDES chunk").isEqualTo(PROMPT);
    }

    @Test
    void aReceiverReportAboutTheStreamBReceivesBecomesOneAboutAsOwnStreamInAsNumbers() {
        towardA.rewrite(rtp(0xB, 7, 900), 0);
        towardB.rewrite(rtp(PROMPT, 1, 0), 0);
        towardB.rewrite(rtp(0xA, 100, 16000), 20_000_000); // A's 100 is B's 2
        ByteBuf rr = receiverReportOfB(PROMPT, 2);

        toA.rewrite(rr, 0);

        assertThat(rr.getUnsignedInt(4)).as("RR sender: the SSRC A receives").isEqualTo(0xB);
        assertThat(rr.getUnsignedInt(8)).as("block about A's own SSRC").isEqualTo(0xA);
        assertThat(rr.getUnsignedInt(16)).as("highest sequence in A's numbering, cycles kept").isEqualTo(0x0002_0064);
        assertThat(rr.getUnsignedInt(24)).as("LSR untouched: the round trip is measured on it").isEqualTo(0x12345678);
    }

    @Test
    void aTruncatedReportIsLeftAlone() {
        towardB.rewrite(rtp(PROMPT, 1, 0), 0);
        towardB.rewrite(rtp(0xA, 100, 16000), 20_000_000);
        ByteBuf sr = senderReportOfA(16000);
        sr.writerIndex(30);
        String before = ByteBufUtil.hexDump(sr);
        toB.rewrite(sr, 0);
        assertThat(ByteBufUtil.hexDump(sr)).isEqualTo(before);
    }
}
