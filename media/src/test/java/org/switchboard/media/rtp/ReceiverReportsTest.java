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
        reports.read(receiverReport());
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
        reports.read(b);
        PeerReport r = reports.snapshot().orElseThrow();
        assertThat(r.fractionLost()).isEqualTo(0.5);
        assertThat(r.cumulativeLost()).isEqualTo(5);
    }

    @Test
    void truncatedOrForeignBytesReportNothing() {
        ByteBuf truncated = receiverReport();
        truncated.writerIndex(20);
        reports.read(truncated);
        reports.read(Unpooled.wrappedBuffer(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        assertThat(reports.snapshot()).isEmpty();
    }
}
