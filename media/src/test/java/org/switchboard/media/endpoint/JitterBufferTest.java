package org.switchboard.media.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JitterBufferTest {
    private final JitterBuffer buffer = new JitterBuffer();
    private final List<Integer> out = new ArrayList<>();
    private final FrameConsumer consumer = (payload, length) -> out.add((payload[0] & 0xFF) | (payload[1] & 0xFF) << 8);

    /** A payload whose first two bytes carry the sequence number, so the output names what came out. */
    private void insert(int seq) {
        ByteBuf b = Unpooled.buffer(172);
        b.writeZero(12);
        b.writeShortLE(seq);
        b.writeZero(158);
        buffer.insert(seq, b, 12, 160, consumer);
    }

    @Test
    void inOrderFramesPassAtOnce() {
        insert(10);
        insert(11);
        insert(12);
        assertThat(out).containsExactly(10, 11, 12);
    }

    @Test
    void swappedFramesComeOutInOrder() {
        insert(10);
        insert(12);
        assertThat(out).containsExactly(10);
        insert(11);
        assertThat(out).containsExactly(10, 11, 12);
        assertThat(buffer.lost()).isZero();
    }

    @Test
    void duplicatesAndLatePacketsAreDropped() {
        insert(10);
        insert(12);
        insert(12);
        insert(11);
        insert(11);
        insert(9);
        assertThat(out).containsExactly(10, 11, 12);
        assertThat(buffer.duplicates()).isEqualTo(1);
        assertThat(buffer.late()).isEqualTo(2);
    }

    @Test
    void aMissingFrameIsGivenUpAfterThreeLaterOnes() {
        insert(10);
        insert(12);
        insert(13);
        assertThat(out).containsExactly(10);
        insert(14);
        assertThat(out).containsExactly(10, 12, 13, 14);
        assertThat(buffer.lost()).isEqualTo(1);
        insert(11);
        assertThat(out).as("too late now").containsExactly(10, 12, 13, 14);
    }

    @Test
    void sequenceNumbersWrapAround() {
        insert(65534);
        insert(0);
        insert(65535);
        insert(1);
        assertThat(out).containsExactly(65534, 65535, 0, 1);
    }

    @Test
    void aBigJumpRestartsTheBuffer() {
        insert(10);
        insert(12);
        insert(5000);
        insert(5001);
        assertThat(out).containsExactly(10, 12, 5000, 5001);
    }

    @Test
    void flushHandsOutWhatIsHeld() {
        insert(10);
        insert(12);
        buffer.flush(consumer);
        assertThat(out).containsExactly(10, 12);
    }
}
