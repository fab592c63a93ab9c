package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class ReceptionStatsTest {
    private static final long FRAME_NANOS = 20_000_000;

    private final ReceptionStats stats = new ReceptionStats();

    private static ByteBuf rtp(int payloadType, int seq, long timestamp, long ssrc) {
        ByteBuf b = Unpooled.buffer();
        RtpPacket.writeHeader(b, false, payloadType, seq, timestamp, ssrc);
        b.writeZero(160);
        return b;
    }

    private void arrive(int seq, long arrivalNanos) {
        stats.update(rtp(0, seq & 0xFFFF, seq * 160L, 0x1234), arrivalNanos);
    }

    @Test
    void evenlyPacedStreamHasNoLossAndNoJitter() {
        for (int i = 0; i < 100; i++) {
            arrive(1000 + i, i * FRAME_NANOS);
        }
        Reception r = stats.snapshot();
        assertThat(r.expected()).isEqualTo(100);
        assertThat(r.lost()).isZero();
        assertThat(r.jitterMillis()).isZero();
    }

    @Test
    void gapsCountAsLostAcrossASequenceWrap() {
        for (int i = 0; i < 100; i++) {
            if (i % 10 != 3) {
                arrive(65500 + i, i * FRAME_NANOS);
            }
        }
        Reception r = stats.snapshot();
        assertThat(r.expected()).isEqualTo(100);
        assertThat(r.lost()).isEqualTo(10);
        assertThat(r.lossRatio()).isCloseTo(0.1, within(1e-9));
    }

    @Test
    void alternatingLateArrivalsShowAsJitter() {
        for (int i = 0; i < 500; i++) {
            long wobble = i % 2 == 0 ? 0 : 10_000_000; // every other packet 10 ms late
            arrive(i, i * FRAME_NANOS + wobble);
        }
        assertThat(stats.snapshot().jitterMillis()).as("RFC 3550 A.8 converges on the mean deviation").isCloseTo(10, within(1.0));
    }

    @Test
    void aNewSsrcStartsAfreshAndKeepsWhatWasLostBefore() {
        arrive(1, 0);
        arrive(3, 2 * FRAME_NANOS); // 2 missing
        stats.update(rtp(0, 40000, 0, 0x9999), 3 * FRAME_NANOS);
        stats.update(rtp(0, 40001, 160, 0x9999), 4 * FRAME_NANOS);
        Reception r = stats.snapshot();
        assertThat(r.lost()).isEqualTo(1);
        assertThat(r.expected()).isEqualTo(5);
    }
}
