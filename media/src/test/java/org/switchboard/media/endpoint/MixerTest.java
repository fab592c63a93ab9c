package org.switchboard.media.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MixerTest {
    @Test
    void aPartyHearsTheSumWithoutItsOwnFrame() {
        int[] sum = {300, -50, 0};
        short[] own = {100, -20, 0};
        short[] out = new short[3];
        Mixer.mixMinus(sum, own, true, out);
        assertThat(out).containsExactly((short) 200, (short) -30, (short) 0);
    }

    @Test
    void aPartyThatSentNothingHearsTheWholeSum() {
        int[] sum = {300, -50, 7};
        short[] stale = {100, -20, 1};
        short[] out = new short[3];
        Mixer.mixMinus(sum, stale, false, out);
        assertThat(out).containsExactly((short) 300, (short) -50, (short) 7);
    }

    @Test
    void loudPartiesSaturateInsteadOfWrappingAround() {
        // three parties at 30,000: each hears two of them, 60,000, which a cast would wrap to -5,536
        int[] sum = {90_000, -90_000};
        short[] own = {30_000, -30_000};
        short[] out = new short[2];
        Mixer.mixMinus(sum, own, true, out);
        assertThat(out).containsExactly(Short.MAX_VALUE, Short.MIN_VALUE);
    }
}
