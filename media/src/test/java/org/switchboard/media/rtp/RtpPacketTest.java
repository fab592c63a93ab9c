package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class RtpPacketTest {
    @Test
    void readsEveryFixedHeaderFieldInPlace() {
        ByteBuf b = Unpooled.wrappedBuffer(new byte[] {
            (byte) 0x80, (byte) 0x88, 0x12, 0x34, 0x00, 0x00, 0x01, 0x40, (byte) 0xDE, (byte) 0xAD, (byte) 0xBE,
            (byte) 0xEF, 1, 2, 3
        });
        assertThat(RtpPacket.isRtp(b)).isTrue();
        assertThat(RtpPacket.version(b)).isEqualTo(2);
        assertThat(RtpPacket.marker(b)).isTrue();
        assertThat(RtpPacket.payloadType(b)).isEqualTo(8);
        assertThat(RtpPacket.sequenceNumber(b)).isEqualTo(0x1234);
        assertThat(RtpPacket.timestamp(b)).isEqualTo(320);
        assertThat(RtpPacket.ssrc(b)).isEqualTo(0xDEADBEEFL);
        assertThat(RtpPacket.payloadOffset(b)).isEqualTo(12);
        assertThat(b.readerIndex()).isZero();
    }

    @Test
    void shortOrWrongVersionPacketsAreNotRtp() {
        assertThat(RtpPacket.isRtp(Unpooled.wrappedBuffer(new byte[11]))).isFalse();
        byte[] v1 = new byte[12];
        v1[0] = 0x40;
        assertThat(RtpPacket.isRtp(Unpooled.wrappedBuffer(v1))).isFalse();
    }

    @Test
    void payloadOffsetSkipsCsrcsAndExtension() {
        ByteBuf b = Unpooled.buffer();
        b.writeByte(0x80 | 0x10 | 2).writeByte(0).writeShort(1).writeInt(2).writeInt(3);
        b.writeInt(11).writeInt(12); // two CSRCs
        b.writeShort(0xBEDE).writeShort(1).writeInt(0); // extension of one word
        assertThat(RtpPacket.payloadOffset(b)).isEqualTo(12 + 8 + 4 + 4);
    }

    @Property
    void writtenHeaderReadsBack(
            @ForAll boolean marker,
            @ForAll @IntRange(max = 127) int pt,
            @ForAll @IntRange(max = 65535) int seq,
            @ForAll @LongRange(max = 0xFFFFFFFFL) long ts,
            @ForAll @LongRange(max = 0xFFFFFFFFL) long ssrc) {
        ByteBuf b = Unpooled.buffer();
        b.writeByte(7).readByte(); // a non-zero reader index must not matter
        RtpPacket.writeHeader(b, marker, pt, seq, ts, ssrc);
        assertThat(RtpPacket.isRtp(b)).isTrue();
        assertThat(RtpPacket.marker(b)).isEqualTo(marker);
        assertThat(RtpPacket.payloadType(b)).isEqualTo(pt);
        assertThat(RtpPacket.sequenceNumber(b)).isEqualTo(seq);
        assertThat(RtpPacket.timestamp(b)).isEqualTo(ts);
        assertThat(RtpPacket.ssrc(b)).isEqualTo(ssrc);
    }
}
