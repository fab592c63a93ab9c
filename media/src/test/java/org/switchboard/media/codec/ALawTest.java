package org.switchboard.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ALawTest {
    @Test
    void knownCodeWordsDecodeToG711Values() {
        assertThat(ALaw.decode((byte) 0xD5)).isEqualTo((short) 8);
        assertThat(ALaw.decode((byte) 0x55)).isEqualTo((short) -8);
        assertThat(ALaw.decode((byte) 0xAA)).isEqualTo((short) 32256);
        assertThat(ALaw.decode((byte) 0x2A)).isEqualTo((short) -32256);
        assertThat(ALaw.decode((byte) 0xC5)).isEqualTo((short) 264);
    }

    @Test
    void knownSamplesEncodeToG711CodeWords() {
        assertThat(ALaw.encode((short) 0)).isEqualTo((byte) 0xD5);
        assertThat(ALaw.encode((short) -8)).isEqualTo((byte) 0x55);
        assertThat(ALaw.encode(Short.MAX_VALUE)).isEqualTo((byte) 0xAA);
        assertThat(ALaw.encode(Short.MIN_VALUE)).isEqualTo((byte) 0x2A);
        assertThat(ALaw.encode((short) 1000)).isEqualTo((byte) 0xFA);
    }

    @Test
    void everyCodeWordSurvivesDecodeThenEncode() {
        for (int code = 0; code < 256; code++) {
            assertThat(ALaw.encode(ALaw.decode((byte) code))).as("code 0x%02X", code).isEqualTo((byte) code);
        }
    }

    @Test
    void encodingIsMonotonicInTheSample() {
        short previous = Short.MIN_VALUE;
        for (int s = Short.MIN_VALUE; s <= Short.MAX_VALUE; s++) {
            short decoded = ALaw.decode(ALaw.encode((short) s));
            assertThat(decoded).as("sample %d", s).isGreaterThanOrEqualTo(previous);
            previous = decoded;
        }
    }

    @Test
    void roundTripErrorStaysWithinHalfAQuantisationStep() {
        for (int s = -32000; s <= 32000; s += 7) {
            int error = Math.abs(ALaw.decode(ALaw.encode((short) s)) - s);
            assertThat(error).as("sample %d", s).isLessThanOrEqualTo(Math.abs(s) / 32 + 16);
        }
    }
}
