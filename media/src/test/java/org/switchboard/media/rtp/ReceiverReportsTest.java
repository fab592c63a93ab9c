package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class ReceiverReportsTest {
    private final ReceiverReports reports = new ReceiverReports();

    /** A receiver report with one block: fraction lost 64/256, 321 lost, jitter 160 units (20 ms). */
    private static ByteBuf receiverReport() {
        ByteBuf b = Unpooled.buffer();
        b.writeByte(0x81).writeByte(201).writeShort(7).writeInt(0xA);
        b.writeInt(0xB).writeByte(64).writeMedium(321).writeInt(70000).writeInt(160).writeInt(0).writeInt(0);
        return b;
    }

    @Test
    void nothingIsReportedBeforeTheFirstReport() {
        assertThat(reports.snapshot()).isEmpty();
    }

    @Test
    void readsTheFirstBlockOfAReceiverReport() {
        reports.read(receiverReport(), 0);
        PeerReport r = reports.snapshot().orElseThrow();
        assertThat(r.fractionLost()).isEqualTo(0.25);
        assertThat(r.cumulativeLost()).isEqualTo(321);
        assertThat(r.jitterMillis()).isCloseTo(20, within(1e-9));
        assertThat(r.reports()).isEqualTo(1);
    }

    @Test
    void readsTheBlockOfASenderReportAfterItsSenderInfoAndSkipsOtherPackets() {
        ByteBuf b = Unpooled.buffer();
        b.writeByte(0x80).writeByte(202).writeShort(1).writeInt(0xA); // an SDES-like packet first, no blocks
        b.writeByte(0x81).writeByte(200).writeShort(12).writeInt(0xA).writeZero(20);
        b.writeInt(0xB).writeByte(128).writeMedium(5).writeInt(1).writeInt(8).writeInt(0).writeInt(0);
        reports.read(b, 0);
        PeerReport r = reports.snapshot().orElseThrow();
        assertThat(r.fractionLost()).isEqualTo(0.5);
        assertThat(r.cumulativeLost()).isEqualTo(5);
    }

    @Test
    void aReportAnsweringTheOtherPhonesSenderReportGivesTheRoundTripLessThePhonesOwnDelay() {
        ReceiverReports other = new ReceiverReports();
        ByteBuf senderReport = Unpooled.buffer();
        // SR with NTP seconds 0x00011234 and fraction 0x56780000: middle 32 bits 0x12345678
        senderReport.writeByte(0x80).writeByte(200).writeShort(6).writeInt(0xA)
                .writeInt(0x00011234).writeInt(0x56780000).writeInt(0).writeInt(0).writeInt(0);
        other.read(senderReport, 1_000_000_000L);
        ByteBuf answer = Unpooled.buffer();
        // RR: LSR 0x12345678, DLSR 0x8000 (0.5 s)
        answer.writeByte(0x81).writeByte(201).writeShort(7).writeInt(0xB)
                .writeInt(0xA).writeByte(0).writeMedium(0).writeInt(0).writeInt(0).writeInt(0x12345678).writeInt(0x8000);
        reports.read(answer, 1_580_000_000L);

        reports.measureRoundTrip(other, 1_580_000_000L);

        assertThat(reports.snapshot().orElseThrow().roundTripMillis()).hasValueSatisfying(
                rtt -> assertThat(rtt).isCloseTo(80, within(0.01)));
    }

    @Test
    void noRoundTripWhenTheReportNamesAnotherSenderReport() {
        ReceiverReports other = new ReceiverReports();
        reports.read(receiverReport(), 0); // LSR 0
        reports.measureRoundTrip(other, 5);
        assertThat(reports.snapshot().orElseThrow().roundTripMillis()).isEmpty();
    }

    @Test
    void truncatedOrForeignBytesReportNothing() {
        ByteBuf truncated = receiverReport();
        truncated.writerIndex(20);
        reports.read(truncated, 0);
        reports.read(Unpooled.wrappedBuffer(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}), 0);
        assertThat(reports.snapshot()).isEmpty();
    }
}
