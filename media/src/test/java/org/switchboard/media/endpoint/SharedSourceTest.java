package org.switchboard.media.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SharedSourceTest {
    /** Three frames whose samples say which frame they are. */
    private final AudioClip music = AudioClip.of(counting(3 * 160 + 50));
    private final SharedSource shared = new SharedSource(music);

    private static short[] counting(int n) {
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            s[i] = (short) (i / 160 + 1);
        }
        return s;
    }

    @Test
    void listenersJoiningAtDifferentTimesHearTheSameInstantAtTheSameTick() {
        AudioSource early = shared.listener();
        short[] a = new short[160];
        short[] b = new short[160];
        early.read(a, 10);
        early.read(a, 11);
        AudioSource late = shared.listener();
        late.read(b, 11);
        assertThat(b).isEqualTo(a);
        assertThat(a[0]).isEqualTo((short) (11 % 3 + 1));
    }

    @Test
    void itLoopsOverWholeFramesForever() {
        AudioSource listener = shared.listener();
        short[] frame = new short[160];
        for (long tick = 0; tick < 7; tick++) {
            assertThat(listener.read(frame, tick)).isTrue();
            short expected = (short) (tick % 3 + 1);
            assertThat(frame).as("tick %d", tick).containsOnly(expected);
        }
        assertThat(shared.positionAt(3)).isZero();
        assertThat(shared.positionAt(-1)).isEqualTo(2);
    }

    @Test
    void aClipShorterThanAFrameIsRefused() {
        assertThatThrownBy(() -> new SharedSource(AudioClip.of(new short[100])))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
