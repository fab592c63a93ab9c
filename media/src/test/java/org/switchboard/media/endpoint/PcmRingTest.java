package org.switchboard.media.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PcmRingTest {
    @Test
    void samplesComeOutInOrderAcrossTheWrap() {
        PcmRing ring = new PcmRing(8);
        short[] out = new short[8];
        for (int round = 0; round < 5; round++) {
            ring.write(new short[] {(short) round, (short) (round + 100), (short) (round + 200)}, 3);
            assertThat(ring.read(out, 8)).isEqualTo(3);
            assertThat(out[0]).isEqualTo((short) round);
            assertThat(out[2]).isEqualTo((short) (round + 200));
        }
    }

    @Test
    void aWriteThatDoesNotFitIsDroppedWhole() {
        PcmRing ring = new PcmRing(8);
        ring.write(new short[6], 6);
        ring.write(new short[3], 3);
        assertThat(ring.available()).isEqualTo(6);
        assertThat(ring.dropped()).isEqualTo(3);
    }

    @Test
    void pacedFrameReadsWaitForThePrimeAfterRunningDry() {
        PcmRing ring = new PcmRing(64);
        short[] frame = new short[4];
        ring.write(new short[4], 4);
        assertThat(ring.readFrame(frame, 4, 2)).as("one frame is not yet primed").isFalse();
        ring.write(new short[4], 4);
        assertThat(ring.readFrame(frame, 4, 2)).isTrue();
        assertThat(ring.readFrame(frame, 4, 2)).isTrue();
        assertThat(ring.readFrame(frame, 4, 2)).as("dry").isFalse();
        ring.write(new short[4], 4);
        assertThat(ring.readFrame(frame, 4, 2)).as("primes again").isFalse();
    }

    @Test
    void aProducerAndAConsumerThreadAgreeOnEverySample() throws Exception {
        PcmRing ring = new PcmRing(256);
        int total = 200_000;
        Thread producer = Thread.ofPlatform().start(() -> {
            short[] chunk = new short[10];
            int next = 0;
            while (next < total) {
                for (int i = 0; i < 10; i++) {
                    chunk[i] = (short) (next + i);
                }
                if (ring.available() <= 256 - 10) {
                    ring.write(chunk, 10);
                    next += 10;
                } else {
                    Thread.onSpinWait();
                }
            }
        });
        short[] out = new short[32];
        int expected = 0;
        int wrong = 0;
        while (expected < total) {
            int n = ring.read(out, 32);
            for (int i = 0; i < n; i++) {
                if (out[i] != (short) expected++) {
                    wrong++;
                }
            }
        }
        producer.join();
        assertThat(wrong).isZero();
        assertThat(ring.dropped()).isZero();
    }
}
